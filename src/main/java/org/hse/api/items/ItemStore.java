package org.hse.api.items;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
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
import org.hse.api.query.Dependents;
import org.hse.api.query.FeedStamper;
import org.hse.api.query.HistoryLog;
import org.hse.api.query.HistoryQuery;
import org.hse.api.query.IndexQuery;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.ItemLookup;
import org.hse.api.query.Page;
import org.hse.api.query.TenantCounts;
import org.hse.api.query.TenantScope;
import org.hse.api.query.WithDeletedQuery;
import org.hse.api.security.Caller;

/**
 * The verbs over the items of every resource, written once: index, view, history, changes, create,
 * update, the delete preview and delete. A control: each feature's {@code @Stateless} boundary
 * (such as {@code IncidentActions}) is the transaction and security edge that calls it, hands it
 * the feature's model, for a write its {@link ReferenceRules}, and the caller, whose {@link
 * TenantScope} each verb builds once and every read and write below it takes its tenant condition
 * from. It begins no transaction of its own and checks no role: it runs in the boundary's.
 */
@Dependent
public class ItemStore {

  @PersistenceContext EntityManager em;

  @Inject Validator validator;

  @Inject ResourceModels models;

  @Inject AttributeFacts attributes;

  /** An EJB's own reference, as a resource holds its boundary ({@code V2Resource#boundary}). */
  @EJB FeedStamper feed;

  /** One page of a search; with {@code history}, it finds the deleted items too. */
  public <E extends Audited> Page<JsonObject> index(
      ResourceModel<E> model, Caller caller, IndexRequest<E> request) {
    TenantScope scope = TenantScope.of(caller);
    if (request.history()) {
      return new WithDeletedQuery<>(em, model, neverMissing(model)).run(scope, request);
    }
    return new IndexQuery<>(em, model, neverMissing(model)).run(scope, request);
  }

  /** The item as the API shows it, read in one statement with its joined names. */
  public <E extends Audited> Stored view(ResourceModel<E> model, Caller caller, String id) {
    Optional<Stored> item =
        Values.isUuid(id)
            ? read(model, TenantScope.of(caller), id.toLowerCase(Locale.ROOT))
            : Optional.empty();
    return item.orElseThrow(() -> notFound(model, id));
  }

  /**
   * One page of the history of the item with this id, oldest first; also of a deleted item. 404
   * when the id never named an item, or names one of a tenant the caller cannot see.
   */
  public <E extends Audited> Page<JsonObject> history(
      ResourceModel<E> model, Caller caller, String id, int page, int perPage) {
    Page<JsonObject> entries =
        Values.isUuid(id)
            ? new HistoryQuery(em)
                .entries(TenantScope.of(caller), model, id.toLowerCase(Locale.ROOT), page, perPage)
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
  public <E extends Audited> JsonObject changes(
      ResourceModel<E> model, Caller caller, String after, int limit) {
    feed.stamp(model.type());
    return new HistoryQuery(em).changes(TenantScope.of(caller), model, after, limit);
  }

  public <E extends Audited> Stored create(
      ResourceModel<E> model, ReferenceRules<E> rules, Caller caller, JsonObject body) {
    FieldErrors errors = new FieldErrors();
    ItemInput<E> input = ItemInput.bind(model, body, errors);
    Field<E> key = model.idField();
    boolean supplied = input.has(key) && input.get(key) != null;
    String id = supplied ? (String) input.get(key) : UUID.randomUUID().toString();
    E candidate = model.newItem(id);
    TenantScope scope = TenantScope.of(caller);
    write(model, rules, candidate, input, scope, errors, true);
    E existing = supplied ? em.find(model.entityClass(), id) : null;
    if (existing != null) {
      if (!scope.sees(model.tenantOf(existing)) || !sameContent(model, existing, candidate)) {
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
   * Changes the item the body names.
   *
   * @param ifMatch whether the client's {@code If-Match} accepts a version, null without one: a
   *     stale version is a 412; a change that commits between this read and this write is a 409
   */
  public <E extends Audited> Stored update(
      ResourceModel<E> model,
      ReferenceRules<E> rules,
      Caller caller,
      String id,
      JsonObject body,
      LongPredicate ifMatch) {
    TenantScope scope = TenantScope.of(caller);
    E item = visibleWithRelations(model, scope, id);
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
    write(model, rules, item, input, scope, errors, false);
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

  public <E extends Audited> DeletePreview preview(
      ResourceModel<E> model, Caller caller, String id) {
    TenantScope scope = TenantScope.of(caller);
    E item = visible(model, scope, id);
    List<DeletePreview.Affected> affected = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    affected.add(new DeletePreview.Affected(model.type(), id, model.label(item)));
    counts.put(model.type(), 1L);
    for (ResourceModel<?> dependent : models.dependentsOf(model.type())) {
      addDependents(model, dependent, scope, item.getId(), affected, counts);
    }
    return new DeletePreview(model.type(), id, affected, counts);
  }

  /** Deletes the item and its dependents; {@code ifMatch} as for {@link #update}. */
  public <E extends Audited> void delete(
      ResourceModel<E> model, Caller caller, String id, LongPredicate ifMatch) {
    TenantScope scope = TenantScope.of(caller);
    E item = visible(model, scope, id);
    requireMatch(item, ifMatch);
    // every dependent is of the item's tenant
    String tenant = model.tenantOf(item);
    TenantCounts counts = new TenantCounts(em);
    HistoryLog history = history(caller);
    Stored before = read(model, scope, item.getId()).orElseThrow();
    refusedAsConflict(
        () -> {
          for (ResourceModel<?> dependent : models.dependentsOf(model.type())) {
            recordDeletes(model, dependent, scope, item.getId(), tenant, history);
            int deleted = new Dependents<>(em, model, dependent, scope, item.getId()).delete();
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
      TenantScope scope,
      String id,
      String tenant,
      HistoryLog history) {
    IndexQuery<D> query =
        new IndexQuery<>(
            em, dependent, field -> attributes.neverMissing(dependent.entityClass(), field.path()));
    history.addEvery(
        scope,
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
      TenantScope scope,
      String id,
      List<DeletePreview.Affected> affected,
      Map<String, Long> counts) {
    Dependents<D> dependents = new Dependents<>(em, model, dependent, scope, id);
    long count = dependents.count();
    counts.merge(dependent.type(), count, Long::sum);
    int room = DeletePreview.MAX_AFFECTED - affected.size();
    if (count == 0 || room <= 0) {
      return;
    }
    dependents
        .first(room)
        .forEach(
            d ->
                affected.add(
                    new DeletePreview.Affected(dependent.type(), d.getId(), dependent.label(d))));
  }

  private <E extends Audited> void write(
      ResourceModel<E> model,
      ReferenceRules<E> rules,
      E item,
      ItemInput<E> input,
      TenantScope scope,
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
    rules.resolve(item, input, errors, new References(em, scope, input, errors));
    for (ConstraintViolation<E> violation : validator.validate(item)) {
      String property = violation.getPropertyPath().iterator().next().getName();
      model.fields().stream()
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

  private <E extends Audited> E visibleWithRelations(
      ResourceModel<E> model, TenantScope scope, String id) {
    return new ItemLookup<>(em, model, scope)
        .withRelations(id)
        .orElseThrow(() -> notFound(model, id));
  }

  private <E extends Audited> E visible(ResourceModel<E> model, TenantScope scope, String id) {
    return new ItemLookup<>(em, model, scope).find(id).orElseThrow(() -> notFound(model, id));
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

  /** The item as the API shows it, with its joined names in one statement. */
  private <E extends Audited> Optional<Stored> read(
      ResourceModel<E> model, TenantScope scope, String id) {
    return new IndexQuery<>(em, model, neverMissing(model))
        .item(scope, id)
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
