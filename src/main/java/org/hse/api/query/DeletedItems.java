package org.hse.api.query;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hse.api.model.Field;
import org.hse.api.model.Kind;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;

/**
 * The rows of deleted items that a search with {@code history: true} finds (tables {@code
 * deleted_<resource>}, Flyway {@code V7}): the item as {@code view} showed it just before its
 * delete, one column per field of the resource's field table, named as the API names the field, and
 * when and by whom it was deleted. {@link HistoryLog} adds one for every item a delete removes,
 * cascaded deletes included, and writes them with the history entries, in the delete's transaction.
 *
 * <p>A row is written from the item's JSON, the same JSON that the delete's history entry holds, so
 * that the history and the row never disagree, and so that the rows of items deleted before the
 * table existed can be written from the history alone ({@link #backfill}).
 */
public final class DeletedItems {

  /** The columns every row has besides the fields. */
  public static final String DELETED_AT = "deleted_at";

  public static final String DELETED_BY = "deleted_by";

  private final Map<ResourceModel<?>, List<Object[]>> pending = new LinkedHashMap<>();

  /** The table of a resource's deleted items, e.g. {@code deleted_incident_action}. */
  public static String table(ResourceModel<?> model) {
    return "deleted_" + model.type().replace('-', '_');
  }

  /** The column of the field whose JPA path is {@code path}, e.g. {@code tenant_id}. */
  static String column(ResourceModel<?> model, String path) {
    return model.fields().stream()
        .filter(field -> field.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(model.type() + " has no field at " + path))
        .name();
  }

  /** Whether nothing is waiting to be written. */
  boolean isEmpty() {
    return pending.isEmpty();
  }

  /**
   * Adds the row of one deleted item.
   *
   * @param item the item as {@code view} showed it just before the delete
   * @param at when it was deleted (UTC)
   * @param by the upn of the caller who deleted it
   */
  public void add(ResourceModel<?> model, JsonObject item, LocalDateTime at, String by) {
    List<? extends Field<?>> fields = model.fields();
    Object[] row = new Object[fields.size() + 2];
    for (int i = 0; i < fields.size(); i++) {
      row[i] = columnValue(fields.get(i).kind(), item.get(fields.get(i).name()));
    }
    row[fields.size()] = at;
    row[fields.size() + 1] = by;
    pending.computeIfAbsent(model, key -> new ArrayList<>()).add(row);
  }

  /** Writes the rows added so far on this connection, one batch per resource. */
  public void write(Connection connection) throws SQLException {
    for (Map.Entry<ResourceModel<?>, List<Object[]>> rows : pending.entrySet()) {
      try (PreparedStatement insert = connection.prepareStatement(insert(rows.getKey()))) {
        for (Object[] row : rows.getValue()) {
          for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    pending.clear();
  }

  /**
   * Writes the rows of the items whose history holds a delete but that have no row yet: the items
   * deleted before the tables existed (migration 7.1, {@code DeletedItemsFromHistory}).
   *
   * @return how many rows it wrote
   */
  public static int backfill(Connection connection, List<ResourceModel<?>> models)
      throws SQLException {
    int written = 0;
    for (ResourceModel<?> model : models) {
      DeletedItems rows = new DeletedItems();
      String sql =
          "SELECT h.changed_at, h.by_upn, h.item FROM history h"
              + " WHERE h.resource = ? AND h.operation = 'delete' AND NOT EXISTS (SELECT 1 FROM "
              + table(model)
              + " d WHERE d."
              + model.idField().name()
              + " = h.item_id)";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, model.type());
        try (ResultSet found = select.executeQuery()) {
          while (found.next()) {
            rows.add(
                model,
                HistoryQuery.json(found.getString(3)),
                found.getObject(1, LocalDateTime.class),
                found.getString(2));
            written++;
            if (rows.pending.get(model).size() >= HistoryLog.CHUNK) {
              rows.write(connection);
            }
          }
        }
      }
      rows.write(connection);
    }
    return written;
  }

  /**
   * The columns a row is written to, in the order of {@link #add}'s values: one per field, named as
   * the field, then {@link #DELETED_AT} and {@link #DELETED_BY}. {@link DeletedItemTables} checks
   * at start-up that the table has them.
   */
  static List<String> columns(ResourceModel<?> model) {
    List<String> columns = new ArrayList<>();
    model.fields().forEach(field -> columns.add(field.name()));
    columns.add(DELETED_AT);
    columns.add(DELETED_BY);
    return columns;
  }

  private static String insert(ResourceModel<?> model) {
    List<String> columns = columns(model);
    return "INSERT INTO "
        + table(model)
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
        + ")";
  }

  /**
   * A field's value as its column holds it, read from the item's JSON: as {@link Values} writes it,
   * but without checking it again (an old entry may hold a value that today's rules refuse); a
   * field the entry lacks (added after it was written) is null.
   */
  private static Object columnValue(Kind kind, JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return kind == Kind.INTEGER ? (Object) number.intValue() : number.toString();
    }
    String text = value instanceof JsonString string ? string.getString() : value.toString();
    try {
      return switch (kind) {
        case DATE -> LocalDate.parse(text);
        case TIMESTAMP ->
            OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        case INTEGER -> Integer.valueOf(text);
        default -> text;
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }
}
