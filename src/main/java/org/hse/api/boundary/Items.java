package org.hse.api.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.hse.api.model.AttributeFacts;
import org.hse.api.model.Field;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.ResourceModels;
import org.hse.api.model.Values;
import org.hse.api.persistence.Audited;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.FeedStamper;
import org.hse.api.query.HistoryLog;
import org.hse.api.query.HistoryQuery;
import org.hse.api.query.IndexQuery;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.Page;
import org.hse.api.query.TenantCounts;
import org.hse.api.query.WithDeletedQuery;
import org.hse.api.security.Caller;

/**
 * The verbs over the items of every resource, written once: index, view, history, changes, create,
 * update, the delete preview and delete. Each takes the feature's {@link ItemRules} (its model, who
 * may write it, how it resolves references) and the caller, who scopes every read and write. One
 * {@code @Stateless} bean, so each call is one transaction; each verb names the right it needs
 * ({@link Needs}), which {@link RoleCheck} checks against the caller's role and the rules' {@link
 * WrittenBy} before the verb runs.
 */
@Stateless
public class Items {

  @PersistenceContext EntityManager em;

  @Inject Validator validator;

  @Inject ResourceModels models;

  @Inject AttributeFacts attributes;

  @Inject FeedStamper feed;

  /**
   * A search reads without a transaction of its own (each statement sees committed data): no
   * transaction to begin and commit for two selects. With {@code history}, it finds the deleted
   * items too.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @Needs(Right.READ)
  public <E extends Audited> Page<JsonObject> index(
      ItemRules<E> rules, Caller caller, IndexRequest<E> request) {
    ResourceModel<E> model = rules.model();
    if (request.history()) {
      return new WithDeletedQuery<>(em, model, neverMissing(model)).run(caller, request);
    }
    return new IndexQuery<>(em, model, neverMissing(model)).run(caller, request);
  }

  /** The item as the API shows it, read in one statement with its joined names, no transaction. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @Needs(Right.READ)
  public <E extends Audited> Stored view(ItemRules<E> rules, Caller caller, String id) {
    ResourceModel<E> model = rules.model();
    Optional<Stored> item =
        Values.isUuid(id) ? read(model, caller, id.toLowerCase(Locale.ROOT)) : Optional.empty();
    return item.orElseThrow(() -> notFound(model, id));
  }

  /**
   * One page of the history of the item with this id, oldest first; also of a deleted item. 404
   * when the id never named an item, or names one of a tenant the caller cannot see.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @Needs(Right.READ)
  public <E extends Audited> Page<JsonObject> history(
      ItemRules<E> rules, Caller caller, String id, int page, int perPage) {
    ResourceModel<E> model = rules.model();
    Page<JsonObject> entries =
        Values.isUuid(id)
            ? new HistoryQuery(em)
                .entries(caller, model, id.toLowerCase(Locale.ROOT), page, perPage)
            : new Page<JsonObject>(List.of(), 0, page, perPage);
    if (entries.totalCount() == 0) {
      throw notFound(model, id);
    }
    return entries;
  }

  /**
   * The change feed of this resource after the cursor {@code after} (null: from the beginning), at
   * most {@code limit} changes, in commit order, scoped to the caller's tenants.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @Needs(Right.READ)
  public <E extends Audited> JsonObject changes(
      ItemRules<E> rules, Caller caller, String after, int limit) {
    ResourceModel<E> model = rules.model();
    feed.stamp(model.type());
    return new HistoryQuery(em).changes(caller, model, after, limit);
  }

  @Needs(Right.WRITE)
  public <E extends Audited> Stored create(ItemRules<E> rules, Caller caller, JsonObject body) {
    ResourceModel<E> model = rules.model();
    FieldErrors errors = new FieldErrors();
    ItemInput<E> input = ItemInput.bind(model, body, errors);
    Field<E> key = model.idField();
    boolean supplied = input.has(key) && input.get(key) != null;
    String id = supplied ? (String) input.get(key) : UUID.randomUUID().toString();
    E candidate = model.newItem(id);
    write(rules, candidate, input, caller, errors, true);
    E existing = supplied ? em.find(model.entityClass(), id) : null;
    if (existing != null) {
      if (!isVisible(model, caller, existing) || !sameContent(model, existing, candidate)) {
        throw new ClientErrorException(
            "An item with id " + id + " exists already with different content.", Status.CONFLICT);
      }
      return stored(model, existing, false);
    }
    if (supplied && new HistoryQuery(em).wasDeleted(model, id)) {
      throw new ClientErrorException(
          "The id " + id + " belonged to an item that was deleted; ids are never reused.",
          Status.CONFLICT);
    }
    em.persist(candidate);
    TenantCounts counts = new TenantCounts(em);
    try {
      em.flush();
      if (model.isTenant()) {
        counts.open(id, models.all());
        em.flush();
      }
      counts.add(model.tenantOf(candidate), model, 1);
      Stored created = stored(model, candidate, true);
      history(caller)
          .add(
              model,
              id,
              created.version(),
              HistoryLog.Operation.CREATE,
              model.tenantOf(candidate),
              created.item())
          .write();
      return created;
    } catch (PersistenceException e) {
      throw new CreateRaced(e);
    }
  }

  /**
   * A create the database refused because a concurrent transaction, on this instance or another,
   * committed the same id or the same unique pair first (or locked rows it needed): this
   * transaction rolls back, and the resource runs the create once more, which then sees the
   * winner's row and answers as for a retry (200, 409 or the pair's 422). A 409 if it is not
   * retried.
   */
  public static final class CreateRaced extends ClientErrorException {

    private static final long serialVersionUID = 1L;

    CreateRaced(Throwable cause) {
      super(
          "The item conflicts with one stored at the same time; read it again.",
          Status.CONFLICT,
          cause);
    }
  }

  /**
   * Changes the item the body names.
   *
   * @param ifMatch whether the client's {@code If-Match} accepts a version, null without one: a
   *     stale version is a 412; a change that commits between this read and this write is a 409
   */
  @Needs(Right.WRITE)
  public <E extends Audited> Stored update(
      ItemRules<E> rules, Caller caller, String id, JsonObject body, LongPredicate ifMatch) {
    ResourceModel<E> model = rules.model();
    E item = visibleWithRelations(model, caller, id);
    requireMatch(item, ifMatch);
    FieldErrors errors = new FieldErrors();
    ItemInput<E> input = ItemInput.bind(model, body, errors);
    Field<E> key = model.idField();
    if (input.has(key) && !id.equals(input.get(key))) {
      errors.add(key.name(), "cannot be changed");
    }
    for (Field<E> field : model.fields()) {
      if (field.fixed()
          && input.has(field)
          && !Objects.equals(
              Values.toJson(field.kind(), field.get(item)),
              Values.toJson(field.kind(), input.get(field)))) {
        errors.add(field.name(), "cannot be changed after creation");
      }
    }
    long versionBefore = item.getVersion();
    write(rules, item, input, caller, errors, false);
    flush();
    Stored updated = stored(model, item, false);
    if (updated.version() == versionBefore) {
      // nothing changed, so nothing was written: no change to record either
      return updated;
    }
    refusedAsConflict(
        () ->
            history(caller)
                .add(
                    model,
                    updated.id(),
                    updated.version(),
                    HistoryLog.Operation.UPDATE,
                    model.tenantOf(item),
                    updated.item())
                .write());
    return updated;
  }

  @Needs(Right.WRITE)
  public <E extends Audited> DeletePreview preview(ItemRules<E> rules, Caller caller, String id) {
    ResourceModel<E> model = rules.model();
    E item = visible(model, caller, id);
    List<DeletePreview.Affected> affected = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    affected.add(new DeletePreview.Affected(model.type(), id, model.label(item)));
    counts.put(model.type(), 1L);
    for (ResourceModel<?> dependent : models.dependentsOf(model.type())) {
      addDependents(model, dependent, item.getId(), affected, counts);
    }
    return new DeletePreview(model.type(), id, affected, counts);
  }

  /** Deletes the item and its dependents; {@code ifMatch} as for {@link #update}. */
  @Needs(Right.WRITE)
  public <E extends Audited> void delete(
      ItemRules<E> rules, Caller caller, String id, LongPredicate ifMatch) {
    ResourceModel<E> model = rules.model();
    E item = visible(model, caller, id);
    requireMatch(item, ifMatch);
    // every dependent is of the item's tenant
    String tenant = model.tenantOf(item);
    TenantCounts counts = new TenantCounts(em);
    HistoryLog history = history(caller);
    Stored before = read(model, caller, item.getId()).orElseThrow();
    refusedAsConflict(
        () -> {
          for (ResourceModel<?> dependent : models.dependentsOf(model.type())) {
            recordDeletes(model, dependent, item.getId(), tenant, history);
            int deleted =
                em.createQuery(
                        "DELETE FROM "
                            + dependent.entityName(em.getMetamodel())
                            + " d WHERE d."
                            + dependent.parents().get(model.type())
                            + " = :id")
                    .setParameter("id", item.getId())
                    .executeUpdate();
            counts.add(tenant, dependent, -deleted);
          }
          em.remove(item);
          em.flush();
          counts.add(tenant, model, -1);
          history
              .add(
                  model,
                  before.id(),
                  before.version(),
                  HistoryLog.Operation.DELETE,
                  tenant,
                  before.item())
              .write();
        });
  }

  /**
   * Adds the delete entries of a dependent resource's items that a forced delete of the parent
   * {@code id} is about to remove, read as {@code view} shows them, a chunk at a time.
   */
  private <E extends Audited, D extends Audited> void recordDeletes(
      ResourceModel<E> model,
      ResourceModel<D> dependent,
      String id,
      String tenant,
      HistoryLog history) {
    IndexQuery<D> query =
        new IndexQuery<>(
            em, dependent, field -> attributes.neverMissing(dependent.entityClass(), field.path()));
    history.addEvery(
        query,
        dependent,
        dependent.parents().get(model.type()),
        id,
        HistoryLog.Operation.DELETE,
        tenant);
  }

  /** The history of this transaction's changes, written before it commits. */
  private HistoryLog history(Caller caller) {
    return new HistoryLog(em, caller.username());
  }

  private <E extends Audited, D extends Audited> void addDependents(
      ResourceModel<E> model,
      ResourceModel<D> dependent,
      String id,
      List<DeletePreview.Affected> affected,
      Map<String, Long> counts) {
    String where = " d WHERE d." + dependent.parents().get(model.type()) + " = :id";
    long count =
        em.createQuery(
                "SELECT COUNT(d) FROM " + dependent.entityName(em.getMetamodel()) + where,
                Long.class)
            .setParameter("id", id)
            .getSingleResult();
    counts.merge(dependent.type(), count, Long::sum);
    int room = DeletePreview.MAX_AFFECTED - affected.size();
    if (count == 0 || room <= 0) {
      return;
    }
    em.createQuery(
            "SELECT d FROM " + dependent.entityName(em.getMetamodel()) + where + " ORDER BY d.id",
            dependent.entityClass())
        .setParameter("id", id)
        .setMaxResults(room)
        .getResultList()
        .forEach(
            d ->
                affected.add(
                    new DeletePreview.Affected(dependent.type(), d.getId(), dependent.label(d))));
  }

  private <E extends Audited> void write(
      ItemRules<E> rules,
      E item,
      ItemInput<E> input,
      Caller caller,
      FieldErrors errors,
      boolean creating) {
    input
        .values()
        .forEach(
            (field, value) -> {
              if (field.settable() && (creating || !field.fixed())) {
                field.set(item, value);
              }
            });
    rules.resolve(item, input, errors, new References(em, caller, input, errors));
    for (ConstraintViolation<E> violation : validator.validate(item)) {
      String property = violation.getPropertyPath().iterator().next().getName();
      rules.model().fields().stream()
          .filter(field -> field.access().writable() && field.property().equals(property))
          .findFirst()
          .ifPresent(
              field -> {
                if (!errors.has(field.name())) {
                  errors.add(field.name(), violation.getMessage());
                }
              });
    }
    errors.throwIfAny();
  }

  private static <E extends Audited> boolean sameContent(
      ResourceModel<E> model, E stored, E candidate) {
    return model.fields().stream()
        .filter(field -> field.access().writable())
        .allMatch(
            field ->
                Objects.equals(
                    Values.toJson(field.kind(), field.get(stored)),
                    Values.toJson(field.kind(), field.get(candidate))));
  }

  private void flush() {
    refusedAsConflict(em::flush);
  }

  /**
   * Runs writes that the database may refuse because of a concurrent transaction (a row changed
   * meanwhile, a key taken meanwhile, a lock wait it broke as a deadlock): such a refusal is a 409,
   * and the transaction rolls back.
   */
  private static void refusedAsConflict(Runnable writes) {
    try {
      writes.run();
    } catch (PersistenceException e) {
      throw new ClientErrorException(
          "The item conflicts with one stored at the same time; read it again.",
          Status.CONFLICT,
          e);
    }
  }

  /**
   * The item with the relations its answer shows, in one statement: an update answers from it after
   * its write, rather than reading the item again.
   */
  private <E extends Audited> E visibleWithRelations(
      ResourceModel<E> model, Caller caller, String id) {
    if (model.fetches().isEmpty()) {
      return visible(model, caller, id);
    }
    StringBuilder jpql =
        new StringBuilder("SELECT e FROM ")
            .append(model.entityName(em.getMetamodel()))
            .append(" e");
    model.fetches().forEach(relation -> jpql.append(" JOIN FETCH e.").append(relation));
    List<E> found =
        Values.isUuid(id)
            ? em.createQuery(jpql.append(" WHERE e.id = :id").toString(), model.entityClass())
                .setParameter("id", id.toLowerCase(Locale.ROOT))
                .getResultList()
            : List.of();
    if (found.isEmpty() || !isVisible(model, caller, found.get(0))) {
      throw notFound(model, id);
    }
    return found.get(0);
  }

  private <E extends Audited> E visible(ResourceModel<E> model, Caller caller, String id) {
    E item = Values.isUuid(id) ? em.find(model.entityClass(), id.toLowerCase(Locale.ROOT)) : null;
    if (item == null || !isVisible(model, caller, item)) {
      throw notFound(model, id);
    }
    return item;
  }

  private static void requireMatch(Audited item, LongPredicate ifMatch) {
    if (ifMatch != null && !ifMatch.test(item.getVersion())) {
      throw new ClientErrorException(
          "The item has changed since the version given in If-Match; read it again.",
          Status.PRECONDITION_FAILED);
    }
  }

  private static NotFoundException notFound(ResourceModel<?> model, String id) {
    return new NotFoundException("No " + model.type() + " has the id " + id + ".");
  }

  private static <E extends Audited> boolean isVisible(
      ResourceModel<E> model, Caller caller, E item) {
    if (caller.isAdmin()) {
      return true;
    }
    return caller.sees(model.tenantOf(item));
  }

  /** The item as the API shows it, with its joined names in one statement. */
  private <E extends Audited> Optional<Stored> read(
      ResourceModel<E> model, Caller caller, String id) {
    return new IndexQuery<>(em, model, neverMissing(model))
        .item(caller, id)
        .map(item -> new Stored((String) item.id(), item.version(), item.json(), false));
  }

  private static <E extends Audited> Stored stored(
      ResourceModel<E> model, E item, boolean created) {
    return new Stored(item.getId(), item.getVersion(), toJson(model, item), created);
  }

  private <E extends Audited> Predicate<Field<E>> neverMissing(ResourceModel<E> model) {
    return field -> attributes.neverMissing(model.entityClass(), field.path());
  }

  private static <E extends Audited> JsonObject toJson(ResourceModel<E> model, E item) {
    JsonObjectBuilder json = Values.JSON.createObjectBuilder();
    for (Field<E> field : model.fields()) {
      json.add(field.name(), Values.toJson(field.kind(), field.get(item)));
    }
    return json.build();
  }
}
