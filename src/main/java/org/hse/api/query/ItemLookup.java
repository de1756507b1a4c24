package org.hse.api.query;

import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;
import org.hse.api.persistence.Audited;

/**
 * One item as an entity, by its id, in a {@link TenantScope}: what an update, a delete and a delete
 * preview change or count. An id that is no UUID names no item; an item of a tenant outside the
 * scope is not found, exactly as one that does not exist.
 */
public final class ItemLookup<E extends Audited> {

  private final EntityManager em;
  private final ResourceModel<E> model;
  private final TenantScope scope;

  public ItemLookup(EntityManager em, ResourceModel<E> model, TenantScope scope) {
    this.em = em;
    this.model = model;
    this.scope = scope;
  }

  /**
   * The item, by its key: from the persistence context when the write has it already, and the scope
   * judges its tenant.
   */
  public Optional<E> find(String id) {
    if (!Values.isUuid(id)) {
      return Optional.empty();
    }
    E item = em.find(model.entityClass(), id.toLowerCase(Locale.ROOT));
    return item != null && scope.sees(model.tenantOf(item)) ? Optional.of(item) : Optional.empty();
  }

  /**
   * The item with the relations its answer shows, in one statement that carries the scope's
   * condition: an update answers from it after its write, rather than reading the item again.
   */
  public Optional<E> withRelations(String id) {
    if (model.fetches().isEmpty()) {
      return find(id);
    }
    if (!Values.isUuid(id)) {
      return Optional.empty();
    }
    Jpql jpql = new Jpql();
    StringBuilder text =
        new StringBuilder("SELECT e FROM ")
            .append(model.entityName(em.getMetamodel()))
            .append(" e");
    model.fetches().forEach(relation -> text.append(" JOIN FETCH e.").append(relation));
    text.append(" WHERE e.id = ")
        .append(jpql.value(id.toLowerCase(Locale.ROOT)))
        .append(scope.and("e." + model.tenantKeyPath(), jpql));
    return jpql.bind(em.createQuery(text.toString(), model.entityClass())).getResultList().stream()
        .findFirst();
  }
}
