package org.hse.api.query;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.hse.api.model.Field;
import org.hse.api.model.Kind;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;
import org.hse.api.persistence.Audited;

/**
 * A search with {@code history: true}: the items there are and the deleted ones ({@link
 * DeletedItems}), filtered, sorted and paged as one list, with the exact total.
 *
 * <p>One SQL statement selects the page: a {@code UNION ALL} of the live items and the deleted
 * rows, each side filtered by the same conditions and selecting the same sort keys, ordered and cut
 * to the page as a whole, with the sum of both sides' totals. Both sides are built from the
 * resource's field table: a live field is read where EclipseLink maps its attribute path (the
 * item's own column, or the column of a joined relation, joined only when a filter or the sort
 * names it), a deleted field from the column of the deleted row named as the field. Native SQL,
 * since JPQL has no union that both databases order and page. Then the page's live items are read
 * as {@code view} shows them ({@link IndexQuery}, one statement), and the deleted ones as their
 * delete's history entry holds them (one statement).
 *
 * <p>Searches without {@code history} never come here: their SQL and cost are those of {@link
 * IndexQuery} alone.
 */
public final class WithDeletedQuery<E extends Audited> {

  /** Per table, the H2 index that gives a tenant's items in the default order, if there is one. */
  private static final ConcurrentMap<String, Optional<String>> TENANT_ORDER_INDEXES =
      new ConcurrentHashMap<>();

  private final EntityManager em;
  private final ResourceModel<E> model;
  private final Predicate<Field<E>> neverMissing;
  private final ClassDescriptor descriptor;
  private final Field<E> createdAt;

  public WithDeletedQuery(
      EntityManager em, ResourceModel<E> model, Predicate<Field<E>> neverMissing) {
    this.em = em;
    this.model = model;
    this.neverMissing = neverMissing;
    this.descriptor =
        em.unwrap(JpaEntityManager.class).getServerSession().getDescriptor(model.entityClass());
    this.createdAt = model.field("created_at").orElseThrow();
  }

  /** One page of the search, live and deleted items together, with the exact total. */
  public Page<JsonObject> run(TenantScope scope, IndexRequest<E> request) {
    if (scope.isEmpty()) {
      return new Page<>(List.of(), 0, request.page(), request.perPage());
    }
    SqlParameters sql = new SqlParameters();
    String total = total(scope, request, sql);
    List<String> order = new ArrayList<>();
    String live = branch(new Live(), scope, request, sql, order);
    String deleted = branch(new Deleted(), scope, request, sql, new ArrayList<>());
    String text =
        "SELECT u.i, u.da, u.db, "
            + total
            + " FROM (("
            + live
            + ") UNION ALL ("
            + deleted
            + ")) u ORDER BY u."
            + String.join(", u.", order)
            + " LIMIT "
            + sql.value(request.perPage())
            + " OFFSET "
            + sql.value(request.offset());
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.bind(em.createNativeQuery(text)).getResultList();
    if (rows.isEmpty()) {
      long counted = request.offset() == 0 ? 0 : count(scope, request);
      return new Page<>(List.of(), counted, request.page(), request.perPage());
    }
    List<Object> liveIds = new ArrayList<>();
    List<Object> deletedIds = new ArrayList<>();
    rows.forEach(row -> (row[1] == null ? liveIds : deletedIds).add(row[0]));
    Map<Object, IndexQuery.Item> items =
        liveIds.isEmpty()
            ? Map.of()
            : new IndexQuery<>(em, model, neverMissing).itemsById(scope, liveIds);
    Map<Object, JsonObject> gone =
        deletedIds.isEmpty() ? Map.of() : deletedItems(scope, deletedIds);
    List<JsonObject> page = new ArrayList<>();
    for (Object[] row : rows) {
      JsonObject item =
          row[1] == null
              ? items.containsKey(row[0]) ? items.get(row[0]).json() : null
              : gone.get(row[0]);
      if (item != null) {
        page.add(
            Values.JSON
                .createObjectBuilder(item)
                .add(
                    DeletedItems.DELETED_AT,
                    row[1] == null
                        ? JsonValue.NULL
                        : Values.toJson(Kind.TIMESTAMP, HistoryQuery.timestamp(row[1])))
                .add(
                    DeletedItems.DELETED_BY,
                    row[2] == null ? JsonValue.NULL : Values.JSON.createValue((String) row[2]))
                .build());
      }
    }
    long found = ((Number) rows.get(0)[3]).longValue();
    return new Page<>(page, found, request.page(), request.perPage());
  }

  /** The total on its own, for a page past the last, which has no row to carry it. */
  private long count(TenantScope scope, IndexRequest<E> request) {
    SqlParameters sql = new SqlParameters();
    String total = total(scope, request, sql);
    return ((Number) sql.bind(em.createNativeQuery("SELECT " + total)).getSingleResult())
        .longValue();
  }

  /**
   * The number of matching items of both kinds: live ones counted, or, without a filter, the kept
   * count of the scope's tenants ({@link TenantCounts}); deleted ones counted.
   */
  private String total(TenantScope scope, IndexRequest<E> request, SqlParameters sql) {
    String live;
    if (request.filter().isEmpty() && model.countedPerTenant()) {
      live =
          "SELECT COALESCE(SUM(k.items), 0) FROM tenant_count k WHERE k.resource = "
              + sql.value(model.type())
              + scope.and("k.project_id", sql);
    } else {
      Live side = new Live();
      String where = conditions(side, scope, request, sql);
      live = "SELECT COUNT(*) FROM " + side.from() + where;
    }
    Deleted deleted = new Deleted();
    return "(("
        + live
        + ") + (SELECT COUNT(*) FROM "
        + deleted.from()
        + conditions(deleted, scope, request, sql)
        + "))";
  }

  /**
   * One side of the union: the id, when and by whom deleted (null for live items) and the sort keys
   * of the matching items, in the search's order, as many as the page and the pages before it (the
   * union's page is among them); adds the order of the keys to {@code order}.
   *
   * <p>Cut to that many rows on each side, both databases read each side's first rows from an index
   * where one gives the order, rather than sorting every match of both; as in {@link IndexQuery},
   * the tenant of a caller of one tenant leads the order of a search without a filter (a constant,
   * so the order is the same), for H2 to read the tenant's index in order.
   */
  private String branch(
      Side side,
      TenantScope scope,
      IndexRequest<E> request,
      SqlParameters sql,
      List<String> order) {
    String where = conditions(side, scope, request, sql);
    List<String> sideOrder = new ArrayList<>();
    boolean tenantLeads = scope.isOneTenant() && request.filter().isEmpty();
    if (tenantLeads) {
      sideOrder.add(side.tenant() + " ASC");
    }
    StringBuilder select =
        new StringBuilder("SELECT ")
            .append(side.of(model.idField()))
            .append(" AS i, ")
            .append(side.deletedAt())
            .append(" AS da, ")
            .append(side.deletedBy())
            .append(" AS db");
    List<SortKey<E>> keys =
        request.sort().isEmpty() ? List.of(new SortKey<>(createdAt, false)) : request.sort();
    int k = 0;
    for (SortKey<E> key : keys) {
      String path = side.of(key.field());
      String direction = key.descending() ? " DESC" : " ASC";
      // the default order is created_at alone, as IndexQuery has it: the index gives that order
      if (!request.sort().isEmpty() && !neverMissing.test(key.field())) {
        select.append(", CASE WHEN ").append(path).append(" IS NULL THEN 1 ELSE 0 END AS k" + k);
        order.add("k" + k++ + direction);
      }
      select.append(", ").append(IndexQuery.sortable(key.field(), path)).append(" AS k" + k);
      order.add("k" + k++ + direction);
    }
    order.add("i ASC");
    sideOrder.addAll(order);
    return select
        + " FROM "
        + (tenantLeads ? side.fromInTenantOrder() : side.from())
        + where
        + " ORDER BY "
        + String.join(", ", sideOrder)
        // a number in the text, not a parameter: H2 2.2 keeps the first execution's value of a
        // parameter here when the statement runs again with another (pages past the first then
        // came back empty)
        + " LIMIT "
        + (request.offset() + request.perPage());
  }

  /** The conditions of one side: the scope's tenants, then every filter. */
  private String conditions(
      Side side, TenantScope scope, IndexRequest<E> request, SqlParameters sql) {
    List<String> conditions = new ArrayList<>();
    scope.condition(side.tenant(), sql).ifPresent(conditions::add);
    request
        .filter()
        .forEach(
            (field, values) ->
                conditions.add(IndexQuery.matches(field, side.of(field), values, sql)));
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The deleted items with these ids, as their delete's history entry holds them. */
  private Map<Object, JsonObject> deletedItems(TenantScope scope, List<Object> ids) {
    SqlParameters sql = new SqlParameters();
    String text =
        "SELECT item_id, item FROM history WHERE resource = "
            + sql.value(model.type())
            + " AND operation = "
            + sql.value(HistoryLog.Operation.DELETE.text())
            + " AND item_id IN "
            + sql.value(ids)
            + scope.and("project_id", sql);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.bind(em.createNativeQuery(text)).getResultList();
    Map<Object, JsonObject> items = new HashMap<>();
    rows.forEach(row -> items.put(row[0], HistoryQuery.json((String) row[1])));
    return items;
  }

  /** How one side of the union reads the fields. */
  private interface Side {

    /** The SQL expression of a field. */
    String of(Field<?> field);

    /** The SQL expression of the item's tenant. */
    String tenant();

    String deletedAt();

    String deletedBy();

    /** The FROM clause, with the joins that the expressions asked for so far. */
    String from();

    /**
     * The FROM clause of a side ordered by the tenant first: the same, unless the database needs to
     * be told which index gives that order.
     */
    default String fromInTenantOrder() {
      return from();
    }
  }

  /**
   * The live items: each attribute path read where EclipseLink maps it, a relation's table joined
   * once when a path reads beyond its id.
   */
  private final class Live implements Side {

    private final Map<String, String> joins = new LinkedHashMap<>();

    @Override
    public String of(Field<?> field) {
      return column(field.path());
    }

    @Override
    public String tenant() {
      return column(model.tenantPath());
    }

    @Override
    public String deletedAt() {
      return "CAST(NULL AS TIMESTAMP)";
    }

    @Override
    public String deletedBy() {
      return "CAST(NULL AS VARCHAR(255))";
    }

    @Override
    public String from() {
      return descriptor.getTableName() + " e" + String.join("", joins.values());
    }

    /**
     * On H2, the table read through its index of the tenant's default order ({@code project_id,
     * created_at, id}, migration V2) where there is one. Inside a union's branch H2 2.2 chooses
     * between the indexes that find the tenant's rows without weighing the order, and took the
     * foreign key's own index on {@code project_id}: every page then read and sorted all of the
     * tenant's items (page 50 of a tenant of 5,000 links: 5,001 rows read instead of 1,000, 441
     * ms). PostgreSQL weighs the order and needs no hint.
     */
    @Override
    public String fromInTenantOrder() {
      return tenantOrderIndex()
          .map(
              index ->
                  descriptor.getTableName()
                      + " e USE INDEX ("
                      + index
                      + ")"
                      + String.join("", joins.values()))
          .orElseGet(this::from);
    }

    private Optional<String> tenantOrderIndex() {
      if (!em.unwrap(JpaEntityManager.class).getServerSession().getPlatform().isH2()) {
        return Optional.empty();
      }
      List<String> columns =
          List.of(
                  tenant().substring("e.".length()),
                  columnOf(descriptor, createdAt.path()),
                  columnOf(descriptor, model.idField().path()))
              .stream()
              .map(column -> column.toUpperCase(Locale.ROOT))
              .toList();
      return TENANT_ORDER_INDEXES.computeIfAbsent(
          descriptor.getTableName().toUpperCase(Locale.ROOT),
          table -> indexBeginningWith(table, columns));
    }

    private Optional<String> indexBeginningWith(String table, List<String> columns) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                      + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ?1"
                      + " ORDER BY INDEX_NAME, ORDINAL_POSITION")
              .setParameter(1, table)
              .getResultList();
      Map<String, List<String>> indexes = new LinkedHashMap<>();
      rows.forEach(
          row ->
              indexes
                  .computeIfAbsent((String) row[0], name -> new ArrayList<>())
                  .add(((String) row[1]).toUpperCase(Locale.ROOT)));
      return indexes.entrySet().stream()
          .filter(
              index ->
                  index.getValue().size() >= columns.size()
                      && index.getValue().subList(0, columns.size()).equals(columns))
          .map(Map.Entry::getKey)
          .findFirst();
    }

    private String column(String path) {
      String[] segments = path.split("\\.");
      if (segments.length == 1) {
        return "e." + columnOf(descriptor, segments[0]);
      }
      if (segments.length != 2) {
        throw new IllegalArgumentException("a field's path has at most two steps: " + path);
      }
      OneToOneMapping relation =
          (OneToOneMapping) descriptor.getMappingForAttributeName(segments[0]);
      ClassDescriptor target = relation.getReferenceDescriptor();
      Map.Entry<DatabaseField, DatabaseField> key =
          relation.getSourceToTargetKeyFields().entrySet().iterator().next();
      String column = columnOf(target, segments[1]);
      if (column.equalsIgnoreCase(key.getValue().getName())) {
        return "e." + key.getKey().getName();
      }
      String alias = "j_" + segments[0];
      joins.computeIfAbsent(
          segments[0],
          name ->
              " JOIN "
                  + target.getTableName()
                  + " "
                  + alias
                  + " ON "
                  + alias
                  + "."
                  + key.getValue().getName()
                  + " = e."
                  + key.getKey().getName());
      return alias + "." + column;
    }
  }

  /** The column EclipseLink maps an entity's attribute to. */
  private static String columnOf(ClassDescriptor owner, String attribute) {
    return owner.getMappingForAttributeName(attribute).getField().getName();
  }

  /** The deleted rows: each field in the column named as the field. */
  private final class Deleted implements Side {

    @Override
    public String of(Field<?> field) {
      return "d." + field.name();
    }

    @Override
    public String tenant() {
      return "d." + DeletedItems.column(model, model.tenantPath());
    }

    @Override
    public String deletedAt() {
      return "d." + DeletedItems.DELETED_AT;
    }

    @Override
    public String deletedBy() {
      return "d." + DeletedItems.DELETED_BY;
    }

    @Override
    public String from() {
      return DeletedItems.table(model) + " d";
    }
  }
}
