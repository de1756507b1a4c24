package org.hse.api.query;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hse.api.model.ResourceModel;
import org.hse.api.persistence.Audited;

/**
 * The items of a dependent resource that name one parent item (the links of an incident), in the
 * caller's {@link TenantScope}: what a delete preview counts and lists and a forced delete removes.
 * A dependent is of its parent's tenant; the scope's condition says so in the query too.
 */
public final class Dependents<D extends Audited> {

  private final EntityManager em;
  private final ResourceModel<D> dependent;
  private final String from;
  private final Jpql jpql = new Jpql();
  private final String where;

  /**
   * @param parent the resource of the parent item, which the dependent's model names among its
   *     parents
   */
  public Dependents(
      EntityManager em,
      ResourceModel<?> parent,
      ResourceModel<D> dependent,
      TenantScope scope,
      Object parentId) {
    this.em = em;
    this.dependent = dependent;
    this.from = dependent.entityName(em.getMetamodel()) + " d";
    this.where =
        " WHERE d."
            + dependent.parents().get(parent.type())
            + " = "
            + jpql.value(parentId)
            + scope.and("d." + dependent.tenantKeyPath(), jpql);
  }

  public long count() {
    return jpql.bind(em.createQuery("SELECT COUNT(d) FROM " + from + where, Long.class))
        .getSingleResult();
  }

  /** The first {@code max} of them, in the order of their ids. */
  public List<D> first(int max) {
    return jpql.bind(
            em.createQuery(
                "SELECT d FROM " + from + where + " ORDER BY d.id", dependent.entityClass()))
        .setMaxResults(max)
        .getResultList();
  }

  /** Deletes them in one statement; how many it deleted. */
  public int delete() {
    return jpql.bind(em.createQuery("DELETE FROM " + from + where)).executeUpdate();
  }
}
