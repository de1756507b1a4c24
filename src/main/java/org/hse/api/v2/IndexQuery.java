package org.hse.api.v2;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hse.api.security.Caller;

/**
 * Reads items as the API shows them, scoped to the caller's tenants, in at most two SQL statements
 * whatever the page size or depth.
 *
 * <p>A search first selects the page's ids alone, with the total as an uncorrelated subquery that
 * the database computes once: only the relations that a filter or the sort names are joined, so
 * that skipping deep into a large result walks an index rather than joining every skipped row. Then
 * it selects the columns of exactly those items, every joined name included, as a projection: no
 * entity is built, and no long text that the answer does not show is read. A page past the last has
 * no row to carry the total, so it is counted on its own.
 */
public final class IndexQuery<E extends Audited> {

  private static final String ID = "id";
  private static final String VERSION = "version";

  private final EntityManager em;
  private final ResourceModel<E> model;
  private final CriteriaBuilder cb;
  private final java.util.function.Predicate<Field<E>> neverMissing;

  /**
   * @param neverMissing whether a field always has a value (its attribute is {@code @NotNull})
   */
  public IndexQuery(
      EntityManager em,
      ResourceModel<E> model,
      java.util.function.Predicate<Field<E>> neverMissing) {
    this.em = em;
    this.model = model;
    this.cb = em.getCriteriaBuilder();
    this.neverMissing = neverMissing;
  }

  /** One page of a search, with the exact total. */
  public Page<JsonObject> run(Caller caller, IndexRequest<E> request) {
    List<Object[]> page = pageIds(caller, request);
    if (page.isEmpty()) {
      long total = request.offset() == 0 ? 0 : count(caller, request);
      return new Page<>(List.of(), total, request.page(), request.perPage());
    }
    List<Object> ids = page.stream().map(row -> row[0]).toList();
    Map<Object, Item> items = new HashMap<>();
    items(null, ids).forEach(item -> items.put(item.id(), item));
    List<JsonObject> ordered =
        ids.stream().map(items::get).filter(item -> item != null).map(Item::json).toList();
    long total = ((Number) page.get(0)[1]).longValue();
    return new Page<>(ordered, total, request.page(), request.perPage());
  }

  /** The item with this id as {@code view} shows it, if the caller may see it. */
  public Optional<Item> item(Caller caller, String id) {
    return items(caller, List.of(id)).stream().findFirst();
  }

  /** An item as the API shows it, with its version for the ETag. */
  public record Item(Object id, long version, JsonObject json) {}

  private List<Object[]> pageIds(Caller caller, IndexRequest<E> request) {
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<E> root = query.from(model.entityClass());
    Paths paths = new Paths(root, Map.of());
    Subquery<Long> total = total(caller, request, query);
    // EclipseLink's criteria select no bare subquery; as an argument of COALESCE it is one
    query
        .multiselect(root.get(ID), cb.coalesce(total, 0L))
        .where(conditions(caller, request, paths, true))
        .orderBy(order(request, root, paths));
    return em.createQuery(query)
        .setFirstResult((int) request.offset())
        .setMaxResults(request.perPage())
        .getResultList();
  }

  private long count(Caller caller, IndexRequest<E> request) {
    if (kept(caller, request)) {
      return new TenantCounts(em).total(model, countedTenants(caller));
    }
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<E> root = query.from(model.entityClass());
    query
        .select(cb.count(root))
        .where(conditions(caller, request, new Paths(root, Map.of()), false));
    return em.createQuery(query).getSingleResult();
  }

  /** The tenants whose kept counts make the caller's total: every tenant (null) for an admin. */
  private static Set<String> countedTenants(Caller caller) {
    return caller.isAdmin() ? null : caller.tenants();
  }

  /** Whether the search's total is a kept count: nothing filtered, and tenants to count. */
  private boolean kept(Caller caller, IndexRequest<E> request) {
    return request.filter().isEmpty()
        && model.countedPerTenant()
        && (caller.isAdmin() || !caller.tenants().isEmpty());
  }

  /**
   * The total of a search as a subquery: the kept count of the caller's tenants when nothing is
   * filtered, otherwise a count of the matching rows.
   */
  private Subquery<Long> total(Caller caller, IndexRequest<E> request, CriteriaQuery<?> query) {
    if (kept(caller, request)) {
      return TenantCounts.total(cb, query, model, countedTenants(caller));
    }
    Subquery<Long> total = query.subquery(Long.class);
    Root<E> counted = total.from(model.entityClass());
    return total
        .select(cb.count(counted))
        .where(conditions(caller, request, new Paths(counted, Map.of()), false));
  }

  /**
   * The items with these ids, every field selected through the joined relations; scoped to the
   * caller's tenants when a caller is given (a search has scoped its ids already).
   */
  private List<Item> items(Caller caller, List<Object> ids) {
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<E> root = query.from(model.entityClass());
    Map<String, Join<?, ?>> joined = new HashMap<>();
    for (String relation : model.fetches()) {
      joined.put(relation, root.join(relation, JoinType.INNER));
    }
    Paths paths = new Paths(root, joined);
    List<Selection<?>> columns = new ArrayList<>();
    for (Field<E> field : model.fields()) {
      columns.add(paths.get(field.path()));
    }
    columns.add(root.get(VERSION));
    Predicate wanted = root.get(ID).in(ids);
    query
        .multiselect(columns)
        .where(
            caller == null
                ? wanted
                : cb.and(wanted, tenantScope(caller, paths, model.tenantPath())));
    List<Field<E>> fields = model.fields();
    return em.createQuery(query).getResultList().stream()
        .map(
            row -> {
              JsonObjectBuilder json = Values.JSON.createObjectBuilder();
              Object id = null;
              for (int i = 0; i < fields.size(); i++) {
                Field<E> field = fields.get(i);
                json.add(field.name(), Values.toJson(field.kind(), row[i]));
                if (field.access() == Access.KEY) {
                  id = row[i];
                }
              }
              return new Item(id, ((Number) row[fields.size()]).longValue(), json.build());
            })
        .toList();
  }

  /**
   * The order of a search, completed by the id. A missing value sorts after every value (before
   * them when descending) on every database; a field that can never be missing sorts by its value
   * alone, so that an index on that value can give the order.
   */
  private List<Order> order(IndexRequest<E> request, Root<E> root, Paths paths) {
    List<Order> order = new ArrayList<>();
    for (SortKey<E> key : request.sort()) {
      Path<Object> path = paths.get(key.field().path());
      if (!neverMissing.test(key.field())) {
        Expression<Integer> missing =
            cb.<Integer>selectCase().when(cb.isNull(path), 1).otherwise(0);
        order.add(key.descending() ? cb.desc(missing) : cb.asc(missing));
      }
      Expression<?> value = sortable(key.field(), path);
      order.add(key.descending() ? cb.desc(value) : cb.asc(value));
    }
    if (request.sort().isEmpty()) {
      order.add(cb.asc(root.get("createdAt")));
    }
    order.add(cb.asc(root.get(ID)));
    return order;
  }

  /** Free text sorts as people read it, whatever the database's collation: ignoring case. */
  private Expression<?> sortable(Field<E> field, Path<Object> path) {
    return field.kind().substringMatch() ? cb.lower(path.as(String.class)) : path;
  }

  /**
   * The search's conditions, scoped to the caller's tenants, with the relations that the filter
   * (and, when {@code sorted}, the sort) joins scoped too.
   */
  private Predicate[] conditions(
      Caller caller, IndexRequest<E> request, Paths paths, boolean sorted) {
    List<Predicate> conditions = new ArrayList<>();
    conditions.add(tenantScope(caller, paths, model.tenantPath()));
    request.filter().forEach((field, values) -> conditions.add(matches(field, values, paths)));
    Set<String> joined = new HashSet<>();
    request.filter().keySet().forEach(field -> joined.add(relation(field)));
    if (sorted) {
      request.sort().forEach(key -> joined.add(relation(key.field())));
    }
    model
        .sameTenantRelations()
        .forEach(
            (relation, tenantPath) -> {
              if (joined.contains(relation)) {
                conditions.add(tenantScope(caller, paths, tenantPath));
              }
            });
    return conditions.toArray(Predicate[]::new);
  }

  /**
   * The relation a field is read through, when reading it joins that relation's table; empty for
   * the item's own columns and for foreign keys such as {@code action.id}.
   */
  private static String relation(Field<?> field) {
    String[] segments = field.path().split("\\.");
    return segments.length > 1 && !(segments.length == 2 && segments[1].equals(ID))
        ? segments[0]
        : "";
  }

  private Predicate tenantScope(Caller caller, Paths paths, String tenantPath) {
    if (caller.isAdmin()) {
      return cb.conjunction();
    }
    Set<String> tenants = caller.tenants();
    return tenants.isEmpty() ? cb.disjunction() : paths.get(tenantPath).in(tenants);
  }

  private Predicate matches(Field<E> field, List<Object> values, Paths paths) {
    Path<Object> path = paths.get(field.path());
    List<Predicate> alternatives = new ArrayList<>();
    List<Object> exact = new ArrayList<>();
    for (Object value : values) {
      if (value == null) {
        alternatives.add(cb.isNull(path));
      } else if (field.kind().substringMatch()) {
        alternatives.add(containsIgnoringCase(path.as(String.class), (String) value));
      } else {
        exact.add(value);
      }
    }
    if (!exact.isEmpty()) {
      alternatives.add(path.in(exact));
    }
    return cb.or(alternatives.toArray(Predicate[]::new));
  }

  private Predicate containsIgnoringCase(Expression<String> text, String fragment) {
    String escaped =
        fragment
            .toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return cb.like(cb.lower(text), "%" + escaped + "%", '\\');
  }

  /**
   * Resolves dotted attribute paths: through the explicit joins where the query made them,
   * otherwise as implicit inner joins that the database makes only for the paths used.
   */
  private record Paths(Root<?> root, Map<String, Join<?, ?>> joined) {

    @SuppressWarnings("unchecked")
    <T> Path<T> get(String dotted) {
      String[] segments = dotted.split("\\.");
      From<?, ?> start = joined.get(segments[0]);
      Path<?> path = start != null && segments.length > 1 ? start : root.get(segments[0]);
      for (int i = 1; i < segments.length; i++) {
        path = path.get(segments[i]);
      }
      return (Path<T>) path;
    }
  }
}
