package org.hse.api.query;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hse.api.model.ResourceModel;

/**
 * The history entries of one write transaction (table {@code history}, Flyway {@code V6}): {@code
 * ItemStore} adds one for every item it creates, updates or deletes, cascaded deletes included, and
 * writes them with {@link #write} before the transaction commits, so that a write that rolls back
 * leaves none. A delete's entry comes with the row of the deleted item that searches with {@code
 * history: true} find ({@link DeletedItems}), written with it. The entries carry no feed number:
 * readers of the change feed stamp committed entries ({@link FeedStamper}), so that writers never
 * wait for each other's commits.
 *
 * <p>Written with plain JDBC on the transaction's own connection, as one batch: EclipseLink batches
 * statements only when batch writing is switched on for the whole persistence unit, which would
 * change how every other write is sent, and entries are never read back as entities. A cascade of
 * many items is sent a chunk at a time, so that memory holds at most one chunk.
 */
public final class HistoryLog {

  /** What a change did to an item, as entries and the change feed name it. */
  public enum Operation {
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
          + " item) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private record Entry(
      String resource, String id, long version, Operation operation, String tenant, String item) {}

  private final EntityManager em;
  private final String by;
  private final LocalDateTime at =
      LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  private final List<Entry> pending = new ArrayList<>();
  private final DeletedItems deleted = new DeletedItems();

  /**
   * @param by the upn of the caller whose write this is
   */
  public HistoryLog(EntityManager em, String by) {
    this.em = em;
    this.by = by;
  }

  /**
   * Adds the entry of one change.
   *
   * @param version the item's version after a create or update; for a delete, its version before
   * @param item the item as {@code view} answers it right after the change (before a delete)
   */
  public HistoryLog add(
      ResourceModel<?> model,
      String id,
      long version,
      Operation operation,
      String tenant,
      JsonObject item) {
    long entryVersion = operation == Operation.DELETE ? version + 1 : version;
    pending.add(new Entry(model.type(), id, entryVersion, operation, tenant, item.toString()));
    if (operation == Operation.DELETE) {
      deleted.add(model, item, at, by);
    }
    if (pending.size() >= CHUNK) {
      insert();
    }
    return this;
  }

  /**
   * Adds an entry for each item whose attribute at {@code path} is {@code value}, read as {@code
   * view} shows them, a chunk at a time: a forced delete's dependents, or the items of a tenant
   * written without the boundary ({@link LoadedItems}), read in the {@code scope}.
   */
  public HistoryLog addEvery(
      TenantScope scope,
      IndexQuery<?> items,
      ResourceModel<?> model,
      String path,
      Object value,
      Operation operation,
      String tenant) {
    Object after = null;
    List<IndexQuery.Item> chunk;
    do {
      chunk = items.itemsWhere(scope, path, value, after, CHUNK);
      for (IndexQuery.Item item : chunk) {
        add(model, (String) item.id(), item.version(), operation, tenant, item.json());
        after = item.id();
      }
    } while (chunk.size() == CHUNK);
    return this;
  }

  /** Writes the entries not written yet: to be called at the end of the write. */
  public void write() {
    insert();
  }

  private void insert() {
    if (pending.isEmpty()) {
      return;
    }
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Entry entry : pending) {
        insert.setString(1, entry.resource());
        insert.setString(2, entry.id());
        insert.setLong(3, entry.version());
        insert.setString(4, entry.operation().text());
        insert.setObject(5, at);
        insert.setString(6, by);
        insert.setString(7, entry.tenant());
        insert.setString(8, entry.item());
        if (pending.size() > 1) {
          insert.addBatch();
        }
      }
      if (pending.size() > 1) {
        insert.executeBatch();
      } else {
        insert.executeUpdate();
      }
      deleted.write(connection);
    } catch (SQLException e) {
      throw new PersistenceException("The history of the change could not be written", e);
    }
    pending.clear();
  }
}
