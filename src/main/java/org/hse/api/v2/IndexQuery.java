package org.hse.api.v2;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hse.api.security.Caller;

/**
 * Runs a search as two SQL statements whatever the page size: a count, and one select of the page
 * that fetches every joined relation with it. Every condition is scoped to the caller's tenants.
 */
public final class IndexQuery<E extends Audited> {

  private final EntityManager em;
  private final ResourceModel<E> model;
  private final CriteriaBuilder cb;

  public IndexQuery(EntityManager em, ResourceModel<E> model) {
    this.em = em;
    this.model = model;
    this.cb = em.getCriteriaBuilder();
  }

  public Page<E> run(Caller caller, IndexRequest<E> request) {
    long total = count(caller, request);
    List<E> items = request.offset() >= total ? List.of() : select(caller, request);
    return new Page<>(items, total, request.page(), request.perPage());
  }

  private long count(Caller caller, IndexRequest<E> request) {
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<E> root = query.from(model.entityClass());
    Paths paths = new Paths(root, Map.of());
    query.select(cb.count(root)).where(conditions(caller, request, paths));
    return em.createQuery(query).getSingleResult();
  }

  @SuppressWarnings("unchecked")
  private List<E> select(Caller caller, IndexRequest<E> request) {
    CriteriaQuery<E> query = cb.createQuery(model.entityClass());
    Root<E> root = query.from(model.entityClass());
    Map<String, Join<?, ?>> fetched = new HashMap<>();
    for (String relation : model.fetches()) {
      fetched.put(relation, (Join<?, ?>) root.fetch(relation, JoinType.INNER));
    }
    Paths paths = new Paths(root, fetched);
    List<Order> order = new ArrayList<>();
    for (SortKey<E> key : request.sort()) {
      Path<Object> path = paths.get(key.field().path());
      Expression<Integer> missing = cb.<Integer>selectCase().when(cb.isNull(path), 1).otherwise(0);
      Expression<?> value = sortable(key.field(), path);
      order.add(key.descending() ? cb.desc(missing) : cb.asc(missing));
      order.add(key.descending() ? cb.desc(value) : cb.asc(value));
    }
    if (request.sort().isEmpty()) {
      order.add(cb.asc(root.get("createdAt")));
    }
    order.add(cb.asc(root.get("id")));
    query.select(root).where(conditions(caller, request, paths)).orderBy(order);
    return em.createQuery(query)
        .setFirstResult((int) request.offset())
        .setMaxResults(request.perPage())
        .getResultList();
  }

  /**
   * Free text sorts as people read it, whatever the database's collation: ignoring case. A missing
   * value sorts after every value (before them when descending) on every database.
   */
  private Expression<?> sortable(Field<E> field, Path<Object> path) {
    return field.kind().substringMatch() ? cb.lower(path.as(String.class)) : path;
  }

  private Predicate[] conditions(Caller caller, IndexRequest<E> request, Paths paths) {
    List<Predicate> conditions = new ArrayList<>();
    conditions.add(tenantScope(caller, paths));
    request.filter().forEach((field, values) -> conditions.add(matches(field, values, paths)));
    return conditions.toArray(Predicate[]::new);
  }

  private Predicate tenantScope(Caller caller, Paths paths) {
    if (caller.isAdmin()) {
      return cb.conjunction();
    }
    Set<String> tenants = caller.tenants();
    return tenants.isEmpty() ? cb.disjunction() : paths.get(model.tenantPath()).in(tenants);
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

  /** Resolves dotted attribute paths, through the fetched joins where the page fetched them. */
  private record Paths(Root<?> root, Map<String, Join<?, ?>> fetched) {

    @SuppressWarnings("unchecked")
    <T> Path<T> get(String dotted) {
      String[] segments = dotted.split("\\.");
      From<?, ?> start = fetched.get(segments[0]);
      Path<?> path = start != null && segments.length > 1 ? start : root.get(segments[0]);
      for (int i = 1; i < segments.length; i++) {
        path = path.get(segments[i]);
      }
      return (Path<T>) path;
    }
  }
}
