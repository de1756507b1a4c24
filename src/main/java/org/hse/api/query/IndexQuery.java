package org.hse.api.query;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hse.api.model.Access;
import org.hse.api.model.Field;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;
import org.hse.api.persistence.Audited;

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
 *
 * <p>A search that a filter narrows to a handful of items whatever the size of the tenant (the
 * links of one incident: {@link ResourceModel#picksFew}) selects its page's items with the total in
 * one statement instead: nothing deep to skip, and one round trip fewer.
 *
 * <p>The queries are JPQL text with every value a named parameter, so that a query of one shape
 * (the same fields filtered the same way, the same sort, the same kind of caller) is the same text
 * whatever the values. EclipseLink translates a JPQL text to SQL once and keeps the translation in
 * its parse cache; it translates a criteria query anew on every request, which was about a tenth of
 * the CPU of a view (JFR, at a million links). A page of a text is read through {@link
 * PagedQueries}, since a page size alone made EclipseLink translate the text again.
 */
public final class IndexQuery<E extends Audited> {

  private static final String ROOT = "e";
  private static final String COUNTED = "c";

  private final EntityManager em;
  private final ResourceModel<E> model;
  private final String entity;
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
    this.entity = model.entityName(em.getMetamodel());
    this.neverMissing = neverMissing;
  }

  /** One page of a search, with the exact total. */
  public Page<JsonObject> run(TenantScope scope, IndexRequest<E> request) {
    if (scope.isEmpty()) {
      return new Page<>(List.of(), 0, request.page(), request.perPage());
    }
    if (request.offset() > Integer.MAX_VALUE) {
      return noRows(scope, request);
    }
    if (picksFew(request)) {
      return fewItems(scope, request);
    }
    List<Object[]> page = pageIds(scope, request);
    if (page.isEmpty()) {
      return noRows(scope, request);
    }
    List<Object> ids = page.stream().map(row -> row[0]).toList();
    Map<Object, Item> items = itemsById(scope, ids);
    List<JsonObject> ordered =
        ids.stream().map(items::get).filter(item -> item != null).map(Item::json).toList();
    long total = ((Number) page.get(0)[1]).longValue();
    return new Page<>(ordered, total, request.page(), request.perPage());
  }

  /**
   * Whether the filter names a field of which one value picks out a handful of items ({@link
   * ResourceModel#picksFew}), exactly: then the search reads its page in one statement.
   */
  private boolean picksFew(IndexRequest<E> request) {
    return request.filter().entrySet().stream()
        .anyMatch(
            filter ->
                model.picksFew(filter.getKey())
                    && filter.getValue().stream().allMatch(value -> value != null));
  }

  /**
   * A page of a search that a filter narrows to a handful of items (the links of one incident), in
   * one statement: the items as the API shows them, with the total as a subquery. Joining every
   * relation of so few rows before the sort costs the database less than a second statement costs
   * both sides.
   */
  private Page<JsonObject> fewItems(TenantScope scope, IndexRequest<E> request) {
    Jpql jpql = new Jpql();
    Projection projection = projection();
    String text =
        projection.select()
            + ", COALESCE("
            + total(scope, request, jpql)
            + ", 0) FROM "
            + projection.from()
            + conditions(scope, request, projection.paths(), jpql, true)
            + " ORDER BY "
            + order(request, projection.paths(), scope);
    List<Object[]> rows =
        PagedQueries.page(em, text, jpql, (int) request.offset(), request.perPage());
    if (rows.isEmpty()) {
      return noRows(scope, request);
    }
    long total = ((Number) rows.get(0)[model.fields().size() + 1]).longValue();
    return new Page<>(
        rows.stream().map(row -> item(row).json()).toList(),
        total,
        request.page(),
        request.perPage());
  }

  /**
   * A page that selected no row: nothing matches, or it lies past the last page, where no row
   * carried the total, so it is counted on its own. A page that starts past the 2<sup>31</sup>st
   * row (JPA's offsets are ints) lies past the last page of any tenant, and is not read.
   */
  private Page<JsonObject> noRows(TenantScope scope, IndexRequest<E> request) {
    long total = request.offset() == 0 ? 0 : count(scope, request);
    return new Page<>(List.of(), total, request.page(), request.perPage());
  }

  /** The item with this id as {@code view} shows it, if the caller may see it. */
  public Optional<Item> item(TenantScope scope, String id) {
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    return items(scope, List.of(id)).stream().findFirst();
  }

  /**
   * The items with these ids as {@code view} shows them, by id, in one statement: the page of a
   * search with {@code history: true} ({@link WithDeletedQuery}), which found their ids.
   */
  Map<Object, Item> itemsById(TenantScope scope, List<Object> ids) {
    Map<Object, Item> items = new HashMap<>();
    items(scope, ids).forEach(item -> items.put(item.id(), item));
    return items;
  }

  /** An item as the API shows it, with its version for the ETag. */
  public record Item(Object id, long version, JsonObject json) {}

  private List<Object[]> pageIds(TenantScope scope, IndexRequest<E> request) {
    Jpql jpql = new Jpql();
    Paths paths = new Paths(ROOT, Map.of());
    String where = conditions(scope, request, paths, jpql, true);
    String order = order(request, paths, scope);
    String text =
        "SELECT e.id, COALESCE("
            + total(scope, request, jpql)
            + ", 0) FROM "
            + entity
            + " e"
            + where
            + " ORDER BY "
            + order;
    return PagedQueries.page(em, text, jpql, (int) request.offset(), request.perPage());
  }

  private long count(TenantScope scope, IndexRequest<E> request) {
    if (kept(scope, request)) {
      return new TenantCounts(em).total(model, scope, new Jpql());
    }
    Jpql jpql = new Jpql();
    String where = conditions(scope, request, new Paths(COUNTED, Map.of()), jpql, false);
    return jpql.bind(em.createQuery("SELECT COUNT(c) FROM " + entity + " c" + where, Long.class))
        .getSingleResult();
  }

  /** Whether the search's total is a kept count: nothing filtered, and tenants to count. */
  private boolean kept(TenantScope scope, IndexRequest<E> request) {
    return request.filter().isEmpty() && model.countedPerTenant() && !scope.isEmpty();
  }

  /**
   * The total of a search as a subquery: the kept count of the caller's tenants when nothing is
   * filtered, otherwise a count of the matching rows.
   */
  private String total(TenantScope scope, IndexRequest<E> request, Jpql jpql) {
    if (kept(scope, request)) {
      return "(" + TenantCounts.totalQuery(model, scope, jpql) + ")";
    }
    return "(SELECT COUNT(c) FROM "
        + entity
        + " c"
        + conditions(scope, request, new Paths(COUNTED, Map.of()), jpql, false)
        + ")";
  }

  /** The items with these ids in the scope, every field selected through the joined relations. */
  private List<Item> items(TenantScope scope, List<Object> ids) {
    Jpql jpql = new Jpql();
    String wanted =
        ids.size() == 1 ? "e.id = " + jpql.value(ids.get(0)) : "e.id IN " + jpql.value(ids);
    return items(scope, jpql, wanted, "", Integer.MAX_VALUE);
  }

  /**
   * The items whose attribute at {@code path} (e.g. {@code incident.id}) is {@code value}, as
   * {@code view} shows them, in the order of their ids, after the id {@code after} (null: from the
   * first), at most {@code limit}: a forced delete's dependents, for their history, read chunk by
   * chunk in one statement each.
   */
  public List<Item> itemsWhere(
      TenantScope scope, String path, Object value, Object after, int limit) {
    Jpql jpql = new Jpql();
    String where = ROOT + "." + path + " = " + jpql.value(value);
    if (after != null) {
      where += " AND e.id > " + jpql.value(after);
    }
    return items(scope, jpql, where, " ORDER BY e.id", limit);
  }

  private List<Item> items(TenantScope scope, Jpql jpql, String wanted, String order, int limit) {
    Projection projection = projection();
    String where = wanted + scope.and(projection.paths().get(model.tenantPath()), jpql);
    String text = projection.select() + " FROM " + projection.from() + " WHERE " + where + order;
    List<Object[]> rows =
        limit < Integer.MAX_VALUE
            ? PagedQueries.page(em, text, jpql, 0, limit)
            : jpql.bind(em.createQuery(text, Object[].class)).getResultList();
    return rows.stream().map(this::item).toList();
  }

  /**
   * What selecting items as the API shows them takes: every fetched relation joined, and every
   * field and the version selected through those joins.
   */
  private record Projection(Paths paths, String select, String from) {}

  private Projection projection() {
    Map<String, String> joined = new LinkedHashMap<>();
    StringBuilder from = new StringBuilder(entity).append(' ').append(ROOT);
    for (String relation : model.fetches()) {
      String alias = "j" + joined.size();
      joined.put(relation, alias);
      from.append(" JOIN e.").append(relation).append(' ').append(alias);
    }
    Paths paths = new Paths(ROOT, joined);
    StringBuilder select = new StringBuilder("SELECT ");
    for (Field<E> field : model.fields()) {
      select.append(paths.get(field.path())).append(", ");
    }
    select.append("e.version");
    return new Projection(paths, select.toString(), from.toString());
  }

  /** The item of a row of a {@link Projection}: its fields in order, then the version. */
  private Item item(Object[] row) {
    List<Field<E>> fields = model.fields();
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
  }

  /**
   * The order of a search, completed by the id. A missing value sorts after every value (before
   * them when descending) on every database; a field that can never be missing sorts by its value
   * alone, so that an index on that value can give the order.
   *
   * <p>When the caller sees exactly one tenant, the tenant leads the order: a constant, so the
   * order is the same, but H2 reads an index that starts with the tenant (such as {@code
   * project_id, created_at, id}) in its order only when the ORDER BY names that column, where
   * PostgreSQL sees it by itself. Without it, H2 read and sorted the tenant's every row for each
   * page (5,000 rows for a page of 20, at 100,000 links). Only without a filter: with one, H2 then
   * preferred walking the tenant's index in order to the filter's own index (the seed search fell
   * from 785 to 351 requests/s on H2).
   */
  private String order(IndexRequest<E> request, Paths paths, TenantScope scope) {
    List<String> order = new ArrayList<>();
    if (scope.isOneTenant() && request.filter().isEmpty()) {
      order.add(paths.get(model.tenantKeyPath()) + " ASC");
    }
    for (SortKey<E> key : request.sort()) {
      String path = paths.get(key.field().path());
      String direction = key.descending() ? " DESC" : " ASC";
      if (!neverMissing.test(key.field())) {
        order.add("CASE WHEN " + path + " IS NULL THEN 1 ELSE 0 END" + direction);
      }
      order.add(sortable(key.field(), path) + direction);
    }
    if (request.sort().isEmpty()) {
      order.add("e.createdAt ASC");
    }
    order.add("e.id ASC");
    return String.join(", ", order);
  }

  /** Free text sorts as people read it, whatever the database's collation: ignoring case. */
  static String sortable(Field<?> field, String path) {
    return field.kind().substringMatch() ? "LOWER(" + path + ")" : path;
  }

  /**
   * The search's WHERE clause, scoped to the caller's tenants, with the relations that the filter
   * (and, when {@code sorted}, the sort) joins scoped too.
   */
  private String conditions(
      TenantScope scope, IndexRequest<E> request, Paths paths, Jpql jpql, boolean sorted) {
    List<String> conditions = new ArrayList<>();
    scope.condition(paths.get(model.tenantPath()), jpql).ifPresent(conditions::add);
    request
        .filter()
        .forEach(
            (field, values) ->
                conditions.add(matches(field, paths.get(field.path()), values, jpql)));
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
                scope.condition(paths.get(tenantPath), jpql).ifPresent(conditions::add);
              }
            });
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /**
   * The relation a field is read through, when reading it joins that relation's table; empty for
   * the item's own columns and for foreign keys such as {@code action.id}.
   */
  private static String relation(Field<?> field) {
    return field.attributes().size() > 1 && field.referenced().isEmpty() ? field.property() : "";
  }

  /**
   * The condition that the field, read at {@code path}, has any of the values: exactly, or as a
   * substring ignoring case, by the field's kind; {@code binder} names each value as a parameter.
   */
  static String matches(Field<?> field, String path, List<Object> values, Binder binder) {
    List<String> alternatives = new ArrayList<>();
    List<Object> exact = new ArrayList<>();
    for (Object value : values) {
      if (value == null) {
        alternatives.add(path + " IS NULL");
      } else if (field.kind().substringMatch()) {
        alternatives.add(
            "LOWER("
                + path
                + ") LIKE "
                + binder.value(containsPattern((String) value))
                + " ESCAPE '\\'");
      } else {
        exact.add(value);
      }
    }
    if (!exact.isEmpty()) {
      alternatives.add(path + " IN " + binder.value(exact));
    }
    return alternatives.size() == 1
        ? alternatives.get(0)
        : "(" + String.join(" OR ", alternatives) + ")";
  }

  /** A LIKE pattern for text that contains the fragment, whatever its case. */
  private static String containsPattern(String fragment) {
    String escaped =
        fragment
            .toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /**
   * Dotted attribute paths as JPQL: through the explicit joins where the query made them, otherwise
   * from the root, as implicit inner joins that the database makes only for the paths used.
   */
  private record Paths(String root, Map<String, String> joined) {

    String get(String dotted) {
      int dot = dotted.indexOf('.');
      String alias = dot < 0 ? null : joined.get(dotted.substring(0, dot));
      return alias != null ? alias + dotted.substring(dot) : root + "." + dotted;
    }
  }
}
