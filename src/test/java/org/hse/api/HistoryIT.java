package org.hse.api;

import static org.hse.api.TestData.P1;
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
import javax.sql.DataSource;
import org.hse.api.action.boundary.Actions;
import org.hse.api.incident.boundary.Incidents;
import org.hse.api.incidentaction.boundary.IncidentActions;
import org.hse.api.platform.DataSourceConfiguration;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.boundary.Offices;
import org.hse.api.tenancy.boundary.Projects;
import org.hse.api.v2.Stored;
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

  static final Caller ADMIN = new Caller("admin", Set.of(Caller.ADMIN), Set.of());
  static final Caller WRITER = new Caller("writer", Set.of(Caller.WRITER), Set.of(P1));

  static boolean seeded;

  @Inject Projects projects;
  @Inject Offices offices;
  @Inject Incidents incidents;
  @Inject Actions actions;
  @Inject IncidentActions links;

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
    projects.create(ADMIN, TestData.project(P1, "Alpha Safety").build());
    offices.create(ADMIN, TestData.office(OFFICE, P1, "North plant"));
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
      long feed,
      JsonObject item) {}

  @Test
  void everyCreateUpdateAndDeleteLeavesItsEntryWithTheItemAsViewAnswersIt() throws Exception {
    String incident = incidents.create(WRITER, incident("INC-H", "History")).id();
    String action = actions.create(WRITER, action("ACT-H", "Trace")).id();
    Stored created = links.create(WRITER, TestData.link(P1, OFFICE, incident, action).build());
    Stored updated =
        links.update(
            WRITER,
            created.id(),
            Json.createObjectBuilder().add("description", "why").build(),
            null);
    JsonObject lastSeen = links.view(WRITER, created.id()).item();
    assertEquals(updated.item(), lastSeen);

    List<Entry> entries = entries(created.id());
    assertEquals(2, entries.size(), entries.toString());
    assertEntry(entries.get(0), "incident-action", created.id(), 1, "create", created.item());
    assertEntry(entries.get(1), "incident-action", created.id(), 2, "update", lastSeen);

    JsonObject incidentBefore = incidents.view(WRITER, incident).item();
    long feedBefore = maxFeed();
    incidents.delete(WRITER, incident, null);

    List<Entry> link = entries(created.id());
    assertEquals(3, link.size(), "the cascaded delete of the link is recorded too");
    assertEntry(link.get(2), "incident-action", created.id(), 3, "delete", lastSeen);
    List<Entry> gone = entries(incident);
    assertEquals(2, gone.size());
    assertEntry(gone.get(1), "incident", incident, 2, "delete", incidentBefore);
    assertEquals(
        link.get(2).feed(),
        gone.get(1).feed(),
        "the link's delete and the incident's are of one transaction");
    assertTrue(gone.get(1).feed() > feedBefore, "a later transaction has a later feed number");
    assertEquals(
        1, entries(action).size(), "the action that was linked is unchanged: its create alone");
  }

  @Test
  void aWriteThatRollsBackLeavesNoEntryAndAnEntryIsInvisibleUntilTheCommit() throws Exception {
    String id = "44444444-4444-4444-8444-444444444444";
    transaction.begin();
    try {
      incidents.create(
          WRITER, incidentBuilder("INC-R", "Rolled back").add("office_incident_id", id).build());
      assertEquals(1, entries(id).size(), "written in the transaction of the create");
      assertEquals(
          0,
          CompletableFuture.supplyAsync(() -> unchecked(() -> entries(id)), executor).join().size(),
          "another transaction does not see it before the commit");
    } finally {
      transaction.rollback();
    }
    assertEquals(0, entries(id).size(), "the rollback took the entry with it");

    String stored = incidents.create(WRITER, incident("INC-S", "Stored")).id();
    long entriesBefore = entries(stored).size();
    assertThrows(
        ClientErrorException.class,
        () ->
            incidents.create(
                WRITER,
                incidentBuilder("INC-S", "Other content")
                    .add("office_incident_id", stored)
                    .build()));
    incidents.create(
        WRITER, incidentBuilder("INC-S", "Stored").add("office_incident_id", stored).build());
    assertEquals(
        entriesBefore,
        entries(stored).size(),
        "a refused create and a retried one that creates nothing leave no entry");
  }

  @Test
  void aDeleteThatCascadesOverMoreThanAChunkRecordsEveryItem() throws Exception {
    String incident = incidents.create(WRITER, incident("INC-C", "Many links")).id();
    List<String> ids = new ArrayList<>();
    int many = 1100;
    for (int i = 0; i < many; i++) {
      String action = actions.create(WRITER, action("ACT-C" + i, "Many " + i)).id();
      ids.add(links.create(WRITER, TestData.link(P1, OFFICE, incident, action).build()).id());
    }
    incidents.delete(WRITER, incident, null);
    long feed = entries(incident).get(1).feed();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT feed_ordinal) FROM history"
                    + " WHERE feed = ? AND operation = 'delete'")) {
      query.setLong(1, feed);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertEquals(many + 1, row.getLong(1), "every link and the incident, at one feed number");
        assertEquals(many + 1, row.getLong(2), "each at its own place in the transaction");
      }
    }
    assertEquals("delete", entries(ids.get(ids.size() - 1)).get(1).operation());
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
                "SELECT resource, item_id, version, operation, by_upn, project_id, feed, item"
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
                  Json.createReader(new StringReader(row.getString(8))).readObject()));
        }
      }
      return entries;
    }
  }

  private long maxFeed() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT MAX(feed) FROM history");
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
