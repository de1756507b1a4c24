package org.hse.api.query;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.model.Kind;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;

/**
 * Reads the history that {@link HistoryLog} writes: the entries of one item, oldest first, as the
 * contract shows them. Native SQL over the {@code history} table, whose rows are never entities.
 */
public final class HistoryQuery {

  private static final String CURSOR_PREFIX = "f1:";
  private static final Pattern CURSOR = Pattern.compile("^f1:(\\d{1,18})\\.(\\d{1,18})$");

  private final EntityManager em;

  public HistoryQuery(EntityManager em) {
    this.em = em;
  }

  /**
   * One page of an item's entries, oldest first, with their exact total; an empty page with a total
   * of 0 when the item has none in the scope (every entry of an item is of its one tenant).
   */
  public Page<JsonObject> entries(
      TenantScope scope, ResourceModel<?> model, String id, int page, int perPage) {
    SqlParameters sql = new SqlParameters();
    String where =
        " WHERE resource = "
            + sql.value(model.type())
            + " AND item_id = "
            + sql.value(id)
            + scope.and("project_id", sql);
    long total =
        ((Number)
                sql.bind(em.createNativeQuery("SELECT COUNT(*) FROM history" + where))
                    .getSingleResult())
            .longValue();
    long offset = (long) (page - 1) * perPage;
    if (total == 0 || offset >= total) {
      return new Page<>(List.of(), total, page, perPage);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        sql.bind(
                em.createNativeQuery(
                    "SELECT version, operation, changed_at, by_upn, item FROM history"
                        + where
                        + " ORDER BY version"))
            .setFirstResult((int) offset)
            .setMaxResults(perPage)
            .getResultList();
    List<JsonObject> entries =
        rows.stream()
            .map(
                row ->
                    Values.JSON
                        .createObjectBuilder()
                        .add("version", ((Number) row[0]).longValue())
                        .add("operation", (String) row[1])
                        .add("at", Values.toJson(Kind.TIMESTAMP, timestamp(row[2])))
                        .add("by", (String) row[3])
                        .add("item", json((String) row[4]))
                        .build())
            .toList();
    return new Page<>(entries, total, page, perPage);
  }

  /**
   * The change feed of a resource after a cursor, in the order the changes committed, in the tenant
   * scope: {@code {"changes": [...], "next": "<cursor>"}}. {@code next} is the cursor of the last
   * change answered, or {@code after} itself when there is none yet.
   *
   * <p>Only entries that {@link FeedStamper} has stamped are read: an entry stamped later has a
   * higher feed number than every stamped entry visible now, so reading past a position skips
   * nothing and repeats nothing.
   *
   * @param after the position to read after, from {@link #cursor}; null: from the beginning
   */
  public JsonObject changes(TenantScope scope, ResourceModel<?> model, String after, int limit) {
    long[] position = after == null ? new long[] {0, 0} : position(after);
    String next = after == null ? cursor(0, 0) : after;
    JsonArrayBuilder changes = Values.JSON.createArrayBuilder();
    if (!scope.isEmpty()) {
      SqlParameters sql = new SqlParameters();
      String feed = sql.value(position[0]);
      String text =
          "SELECT feed, seq, operation, item_id, changed_at, by_upn, item FROM history"
              + " WHERE resource = "
              + sql.value(model.type())
              + " AND feed >= "
              + feed
              + " AND (feed > "
              + feed
              + " OR seq > "
              + sql.value(position[1])
              + ")"
              + scope.and("project_id", sql)
              + " ORDER BY feed, seq";
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          sql.bind(em.createNativeQuery(text)).setMaxResults(limit).getResultList();
      for (Object[] row : rows) {
        next = cursor(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        changes.add(
            Values.JSON
                .createObjectBuilder()
                .add("cursor", next)
                .add("operation", (String) row[2])
                .add("id", (String) row[3])
                .add("at", Values.toJson(Kind.TIMESTAMP, timestamp(row[4])))
                .add("by", (String) row[5])
                .add("item", json((String) row[6])));
      }
    }
    return Values.JSON.createObjectBuilder().add("changes", changes).add("next", next).build();
  }

  /** The opaque cursor of a place in the feed: a stamping pass and an entry's insert order. */
  static String cursor(long feed, long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + feed + "." + seq).getBytes(StandardCharsets.US_ASCII));
  }

  /** The place a cursor names; a validation error on {@code after} when it names none. */
  static long[] position(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      Matcher matcher = CURSOR.matcher(text);
      if (matcher.matches()) {
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
      }
    } catch (IllegalArgumentException e) {
      // not base64, or a number too large: reported below
    }
    throw new ValidationFailedException("after", "is not a cursor of this feed");
  }

  /**
   * Whether an item of this resource with this id was deleted: a deleted item's id is never reused.
   * Only a delete counts: a create of the same id that committed after this transaction looked for
   * the item is a concurrent create, which the insert's key conflict turns into a retry (a create
   * entry alone made one of three identical creates on three instances a 409).
   */
  public boolean wasDeleted(ResourceModel<?> model, String id) {
    return !em.createNativeQuery(
            "SELECT 1 FROM history WHERE resource = ?1 AND item_id = ?2 AND operation = ?3")
        .setParameter(1, model.type())
        .setParameter(2, id)
        .setParameter(3, HistoryLog.Operation.DELETE.text())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  static JsonObject json(String text) {
    return Values.JSON.createReader(new StringReader(text)).readObject();
  }

  /** A TIMESTAMP column as the driver answers it: {@link Timestamp} or {@link LocalDateTime}. */
  static LocalDateTime timestamp(Object value) {
    return value instanceof Timestamp timestamp
        ? timestamp.toLocalDateTime()
        : (LocalDateTime) value;
  }
}
