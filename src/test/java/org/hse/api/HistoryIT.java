package org.hse.api;

import static org.hse.api.TestData.P1;
import static org.hse.api.TestData.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.ClientErrorException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hse.api.action.boundary.ActionRules;
import org.hse.api.boundary.Items;
import org.hse.api.boundary.Stored;
import org.hse.api.incident.boundary.IncidentRules;
import org.hse.api.incidentaction.boundary.IncidentActionRules;
import org.hse.api.model.ResourceModels;
import org.hse.api.platform.DataSourceConfiguration;
import org.hse.api.query.DeletedItems;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.boundary.OfficeRules;
import org.hse.api.tenancy.boundary.ProjectRules;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history inside the container: every create, update and delete, cascaded deletes included,
 * leaves its entry in the transaction of the change, with the item as {@code view} answered it, and
 * a write that rolls back leaves none.
 */
@ExtendWith(ArquillianExtension.class)
class HistoryIT {

  static final String OFFICE = "31111111-1111-4111-8111-111111111111";
  static final String OTHER_OFFICE = "32222222-2222-4222-8222-222222222222";

  static final Caller ADMIN = new Caller("admin", Set.of(Caller.ADMIN), Set.of());
  static final Caller WRITER = new Caller("writer", Set.of(Caller.WRITER), Set.of(P1));

  static boolean seeded;

  @Inject Items items;
  @Inject ProjectRules projects;
  @Inject OfficeRules offices;
  @Inject IncidentRules incidents;
  @Inject ResourceModels models;
  @Inject ActionRules actions;
  @Inject IncidentActionRules links;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Resource UserTransaction transaction;

  @Resource ManagedExecutorService executor;

  @Deployment
  static WebArchive app() {
    return Deployments.packagedWar().addClasses(HistoryIT.class, TestData.class);
  }

  @BeforeEach
  void aProjectWithAnOffice() {
    if (seeded) {
      return;
    }
    items.create(projects, ADMIN, TestData.project(P1, "Alpha Safety").build());
    items.create(offices, ADMIN, TestData.office(OFFICE, P1, "North plant"));
    items.create(projects, ADMIN, TestData.project(P2, "Beta Works").build());
    items.create(offices, ADMIN, TestData.office(OTHER_OFFICE, P2, "Beta site"));
    seeded = true;
  }

  /** One row of the history table. */
  record Entry(
      String resource,
      String id,
      long version,
      String operation,
      String by,
      String tenant,
      long seq,
      Object feed,
      JsonObject item) {}

  @Test
  void everyCreateUpdateAndDeleteLeavesItsEntryWithTheItemAsViewAnswersIt() throws Exception {
    String incident = items.create(incidents, WRITER, incident("INC-H", "History")).id();
    String action = items.create(actions, WRITER, action("ACT-H", "Trace")).id();
    Stored created =
        items.create(links, WRITER, TestData.link(P1, OFFICE, incident, action).build());
    Stored updated =
        items.update(
            links,
            WRITER,
            created.id(),
            Json.createObjectBuilder().add("description", "why").build(),
            null);
    JsonObject lastSeen = items.view(links, WRITER, created.id()).item();
    assertEquals(updated.item(), lastSeen);

    List<Entry> entries = entries(created.id());
    assertEquals(2, entries.size(), entries.toString());
    assertEntry(entries.get(0), "incident-action", created.id(), 1, "create", created.item());
    assertEntry(entries.get(1), "incident-action", created.id(), 2, "update", lastSeen);

    JsonObject incidentBefore = items.view(incidents, WRITER, incident).item();
    long seqBefore = maxSeq();
    items.delete(incidents, WRITER, incident, null);

    List<Entry> link = entries(created.id());
    assertEquals(3, link.size(), "the cascaded delete of the link is recorded too");
    assertEntry(link.get(2), "incident-action", created.id(), 3, "delete", lastSeen);
    List<Entry> gone = entries(incident);
    assertEquals(2, gone.size());
    assertEntry(gone.get(1), "incident", incident, 2, "delete", incidentBefore);
    assertTrue(
        seqBefore < link.get(2).seq() && link.get(2).seq() < gone.get(1).seq(),
        "inserted in the order of the changes: the dependent's delete first");
    assertEquals(null, gone.get(1).feed(), "in the change feed only once a reader stamps it");
    assertEquals(
        1, entries(action).size(), "the action that was linked is unchanged: its create alone");
  }

  @Test
  void aWriteThatRollsBackLeavesNoEntryAndAnEntryIsInvisibleUntilTheCommit() throws Exception {
    String id = "44444444-4444-4444-8444-444444444444";
    transaction.begin();
    try {
      items.create(
          incidents,
          WRITER,
          incidentBuilder("INC-R", "Rolled back").add("office_incident_id", id).build());
      assertEquals(1, entries(id).size(), "written in the transaction of the create");
      assertEquals(
          0,
          CompletableFuture.supplyAsync(() -> unchecked(() -> entries(id)), executor).join().size(),
          "another transaction does not see it before the commit");
    } finally {
      transaction.rollback();
    }
    assertEquals(0, entries(id).size(), "the rollback took the entry with it");

    String stored = items.create(incidents, WRITER, incident("INC-S", "Stored")).id();
    long entriesBefore = entries(stored).size();
    assertThrows(
        ClientErrorException.class,
        () ->
            items.create(
                incidents,
                WRITER,
                incidentBuilder("INC-S", "Other content")
                    .add("office_incident_id", stored)
                    .build()));
    items.create(
        incidents,
        WRITER,
        incidentBuilder("INC-S", "Stored").add("office_incident_id", stored).build());
    assertEquals(
        entriesBefore,
        entries(stored).size(),
        "a refused create and a retried one that creates nothing leave no entry");
  }

  /**
   * The case a number taken before the commit gets wrong: a change that began first (and was
   * numbered first) commits after a later one that a reader has already passed. The reader still
   * sees it, after the later one, exactly once.
   */
  @Test
  void aChangeThatCommitsAfterALaterOneTheReaderPassedIsStillInTheFeed() throws Exception {
    // in two projects, so that the two creates share no row to lock (the kept counts are per
    // project)
    String start = items.changes(incidents, ADMIN, null, 1000).getString("next");
    String early = "45555555-5555-4555-8555-555555555555";
    String late;
    JsonObject first;
    transaction.begin();
    try {
      items.create(
          incidents,
          ADMIN,
          TestData.incident(P2, OTHER_OFFICE, "INC-E", "Early")
              .add("office_incident_id", early)
              .build());
      late =
          CompletableFuture.supplyAsync(
                  () -> items.create(incidents, WRITER, incident("INC-L", "Late")).id(), executor)
              .get(30, TimeUnit.SECONDS);
      first =
          CompletableFuture.supplyAsync(
                  () -> items.changes(incidents, ADMIN, start, 1000), executor)
              .get(30, TimeUnit.SECONDS);
    } finally {
      transaction.commit();
    }
    assertEquals(List.of(late + " create"), changes(first));
    JsonObject second = items.changes(incidents, ADMIN, first.getString("next"), 1000);
    assertEquals(List.of(early + " create"), changes(second));
    assertEquals(
        List.of(late + " create", early + " create"),
        changes(items.changes(incidents, ADMIN, start, 1000)),
        "read again from the start: the same changes in the same order");
  }

  private static List<String> changes(JsonObject page) {
    return page.getJsonArray("changes").stream()
        .map(c -> c.asJsonObject().getString("id") + " " + c.asJsonObject().getString("operation"))
        .toList();
  }

  @Test
  void aDeleteThatCascadesOverMoreThanAChunkRecordsEveryItem() throws Exception {
    String incident = items.create(incidents, WRITER, incident("INC-C", "Many links")).id();
    List<String> ids = new ArrayList<>();
    int many = 1100;
    for (int i = 0; i < many; i++) {
      String action = items.create(actions, WRITER, action("ACT-C" + i, "Many " + i)).id();
      ids.add(
          items.create(links, WRITER, TestData.link(P1, OFFICE, incident, action).build()).id());
    }
    items.delete(incidents, WRITER, incident, null);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) FROM history"
                    + " WHERE resource = 'incident-action' AND operation = 'delete' AND item LIKE ?")) {
      query.setString(1, "%\"office_incident_id\":\"" + incident + "\"%");
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertEquals(many, row.getLong(1), "every link");
        assertEquals(many, row.getLong(2), "each at its own place");
        assertTrue(row.getLong(3) < entries(incident).get(1).seq(), "then the incident");
      }
    }
    assertEquals("delete", entries(ids.get(ids.size() - 1)).get(1).operation());
    assertEquals(
        many,
        count(
            "SELECT COUNT(*) FROM deleted_incident_action WHERE office_incident_id = ?", incident),
        "every link's row among the deleted items, in the delete's transaction");
    assertEquals(
        1, count("SELECT COUNT(*) FROM deleted_incident WHERE office_incident_id = ?", incident));
  }

  @Test
  void aDeleteThatRollsBackLeavesNoDeletedItem() throws Exception {
    String incident = items.create(incidents, WRITER, incident("INC-D", "Kept")).id();
    transaction.begin();
    try {
      items.delete(incidents, WRITER, incident, null);
      assertEquals(
          1,
          count("SELECT COUNT(*) FROM deleted_incident WHERE office_incident_id = ?", incident),
          "written in the transaction of the delete");
    } finally {
      transaction.rollback();
    }
    assertEquals(
        0, count("SELECT COUNT(*) FROM deleted_incident WHERE office_incident_id = ?", incident));
    assertEquals(1, entries(incident).size(), "its create alone");
  }

  @Test
  void theRowsOfItemsDeletedBeforeTheTablesExistedAreAMigrationOfTheSchemaHistory()
      throws Exception {
    assertEquals(
        List.of("7.1", "deleted items from the history", "true"),
        row(
            "SELECT \"version\", \"description\", LOWER(CAST(\"success\" AS VARCHAR(5)))"
                + " FROM \"flyway_schema_history\" WHERE \"version\" = ?",
            "7.1"),
        "recorded in the transaction that wrote the rows, so a start that dies half-way runs it"
            + " again");
  }

  @Test
  void theRowOfAnItemDeletedBeforeTheTablesExistedIsWrittenFromItsHistory() throws Exception {
    String gone = items.create(incidents, WRITER, incident("INC-B", "Backfilled")).id();
    items.delete(incidents, WRITER, gone, null);
    String read =
        "SELECT office_incident_id, code, name, date_incident, status, tenant_id, office_name,"
            + " created_at, deleted_at, deleted_by FROM deleted_incident WHERE office_incident_id = ?";
    List<String> written = row(read, gone);
    assertEquals("Backfilled", written.get(2));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement forget =
            connection.prepareStatement(
                "DELETE FROM deleted_incident WHERE office_incident_id = ?")) {
      forget.setString(1, gone);
      assertEquals(1, forget.executeUpdate(), "as if deleted before V7");
      assertEquals(
          1, DeletedItems.backfill(connection, models.all()), "that item's row, and no other");
    }
    assertEquals(written, row(read, gone), "the same row as its delete wrote");
  }

  /** The columns of the one row a query with one parameter answers, as text. */
  private List<String> row(String sql, String parameter) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), sql);
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
          columns.add(String.valueOf(row.getObject(i)));
        }
        return columns;
      }
    }
  }

  /** The single number a query with one parameter answers, on a connection of its own. */
  private long count(String sql, String parameter) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void assertEntry(
      Entry entry, String resource, String id, long version, String operation, JsonObject item) {
    assertEquals(resource, entry.resource());
    assertEquals(id, entry.id());
    assertEquals(version, entry.version());
    assertEquals(operation, entry.operation());
    assertEquals("writer", entry.by());
    assertEquals(P1, entry.tenant());
    assertEquals(item, entry.item());
  }

  private JsonObject incident(String code, String name) {
    return incidentBuilder(code, name).build();
  }

  private jakarta.json.JsonObjectBuilder incidentBuilder(String code, String name) {
    return TestData.incident(P1, OFFICE, code, name);
  }

  private JsonObject action(String code, String name) {
    return TestData.action(P1, OFFICE, "TRAINING", code, name).build();
  }

  private List<Entry> entries(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT resource, item_id, version, operation, by_upn, project_id, seq, feed, item"
                    + " FROM history WHERE item_id = ? ORDER BY version")) {
      query.setString(1, id);
      List<Entry> entries = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          entries.add(
              new Entry(
                  row.getString(1),
                  row.getString(2),
                  row.getLong(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getLong(7),
                  row.getObject(8),
                  Json.createReader(new StringReader(row.getString(9))).readObject()));
        }
      }
      return entries;
    }
  }

  private long maxSeq() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT MAX(seq) FROM history");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  private static <T> T unchecked(SqlCall<T> call) {
    try {
      return call.call();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
