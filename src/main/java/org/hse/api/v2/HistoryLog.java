package org.hse.api.v2;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The history entries of one write transaction (table {@code history}, Flyway {@code V6}): {@link
 * V2Store} adds one for every item it creates, updates or deletes, cascaded deletes included, and
 * writes them with {@link #write} as the transaction's last statements, so that a write that rolls
 * back leaves none.
 *
 * <p>{@link #write} first increments the one row of {@code history_feed} and stamps the entries
 * with the new number. The row lock that the increment takes is held until the transaction commits,
 * so a later transaction gets its number only after this one has committed (and become visible):
 * the numbers follow the order of the commits, which is what the change feed needs. A number read
 * from a sequence before the commit would not: a transaction that took a higher number could commit
 * first, and a reader could pass the lower number before it became visible.
 *
 * <p>Written with plain JDBC on the transaction's own connection, as one batch: EclipseLink batches
 * statements only when batch writing is switched on for the whole persistence unit, which would
 * change how every other write is sent, and entries are never read back as entities. A cascade of
 * many items is sent in chunks, stamped provisionally and renumbered by one statement at the end,
 * so that memory holds at most one chunk.
 */
final class HistoryLog {

  /** What a change did to an item, as entries and the change feed name it. */
  enum Operation {
    CREATE,
    UPDATE,
    DELETE;

    String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final int CHUNK = 1000;

  private static final String INSERT =
      "INSERT INTO history (resource, item_id, version, operation, changed_at, by_upn, project_id,"
          + " feed, feed_ordinal, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private record Entry(
      String resource, String id, long version, Operation operation, String tenant, String item) {}

  private final EntityManager em;
  private final String by;
  private final LocalDateTime at =
      LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  private final List<Entry> pending = new ArrayList<>();
  private final java.util.Set<String> chunked = new java.util.HashSet<>();
  private int ordinal;
  private long provisional;

  /**
   * @param by the upn of the caller whose write this is
   */
  HistoryLog(EntityManager em, String by) {
    this.em = em;
    this.by = by;
  }

  /**
   * Adds the entry of one change.
   *
   * @param version the item's version after a create or update; for a delete, its version before
   * @param item the item as {@code view} answers it right after the change (before a delete)
   */
  HistoryLog add(
      ResourceModel<?> model,
      String id,
      long version,
      Operation operation,
      String tenant,
      JsonObject item) {
    long entryVersion = operation == Operation.DELETE ? version + 1 : version;
    pending.add(new Entry(model.type(), id, entryVersion, operation, tenant, item.toString()));
    if (pending.size() >= CHUNK) {
      if (provisional == 0) {
        // negative, so never a feed number; random, so that no two transactions share it
        provisional = -1 - ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
      }
      pending.forEach(entry -> chunked.add(entry.resource()));
      insert(provisional);
    }
    return this;
  }

  /**
   * Takes the feed number and writes the entries: to be called last in the transaction, since the
   * feed row stays locked until the commit.
   */
  void write() {
    if (pending.isEmpty() && provisional == 0) {
      return;
    }
    try {
      Connection connection = em.unwrap(Connection.class);
      long feed;
      try (PreparedStatement next =
          connection.prepareStatement("UPDATE history_feed SET n = n + 1 WHERE id = 1")) {
        next.executeUpdate();
      }
      try (PreparedStatement read =
              connection.prepareStatement("SELECT n FROM history_feed WHERE id = 1");
          ResultSet row = read.executeQuery()) {
        row.next();
        feed = row.getLong(1);
      }
      insert(feed);
      if (provisional != 0) {
        try (PreparedStatement renumber =
            connection.prepareStatement(
                "UPDATE history SET feed = ? WHERE resource = ? AND feed = ?")) {
          for (String resource : chunked) {
            renumber.setLong(1, feed);
            renumber.setString(2, resource);
            renumber.setLong(3, provisional);
            renumber.executeUpdate();
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("The history of the change could not be written", e);
    }
  }

  private void insert(long feed) {
    if (pending.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement(INSERT)) {
      for (Entry entry : pending) {
        insert.setString(1, entry.resource());
        insert.setString(2, entry.id());
        insert.setLong(3, entry.version());
        insert.setString(4, entry.operation().text());
        insert.setObject(5, at);
        insert.setString(6, by);
        insert.setString(7, entry.tenant());
        insert.setLong(8, feed);
        insert.setInt(9, ordinal++);
        insert.setString(10, entry.item());
        if (pending.size() > 1) {
          insert.addBatch();
        }
      }
      if (pending.size() > 1) {
        insert.executeBatch();
      } else {
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PersistenceException("The history of the change could not be written", e);
    }
    pending.clear();
  }
}
