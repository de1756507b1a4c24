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
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.SessionEventListener;
import org.eclipse.persistence.sessions.SessionEventManager;
import org.hse.api.action.boundary.ActionRules;
import org.hse.api.action.control.ActionModel;
import org.hse.api.boundary.Items;
import org.hse.api.boundary.Stored;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.incident.boundary.IncidentRules;
import org.hse.api.incidentaction.boundary.IncidentActionRules;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.model.ResourceModels;
import org.hse.api.persistence.DataSourceName;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.DeletedItems;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.Page;
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
 * The boundaries inside the container: the cost of a page in SQL statements, the If-Match race, the
 * caller's roles and tenants as the transaction edge sees them, and the delete preview's cap; and
 * the history: every create, update and delete, cascaded deletes included, leaves its entry in the
 * transaction of the change, with the item as {@code view} answered it, and a write that rolls back
 * leaves none.
 *
 * <p>One class, so one deployment: Payara Micro's Arquillian adapter starts a server for each
 * deployment, about half a minute on two cores.
 */
@ExtendWith(ArquillianExtension.class)
class BoundaryIT {

  static final int LINKS = 1000;
  static final String OFFICE = "31111111-1111-4111-8111-111111111111";
  static final String OTHER_OFFICE = "32222222-2222-4222-8222-222222222222";

  static final Caller ADMIN = new Caller("admin", Set.of(Caller.ADMIN), Set.of());
  static final Caller WRITER = new Caller("writer", Set.of(Caller.WRITER), Set.of(P1));
  static final Caller READER = new Caller("reader", Set.of(Caller.READER), Set.of(P1));
  static final Caller STRANGER = new Caller("stranger", Set.of(Caller.WRITER), Set.of(P2));

  static String incident;

  @Inject Items items;
  @Inject ProjectRules projects;
  @Inject OfficeRules offices;
  @Inject IncidentRules incidents;
  @Inject ActionRules actions;
  @Inject IncidentActionRules links;
  @Inject IncidentActionModel linkModel;
  @Inject ActionModel actionModel;

  @PersistenceUnit EntityManagerFactory emf;

  @Resource ManagedExecutorService executor;

  @Inject Recounts recounts;

  @Inject ResourceModels models;

  @Resource(lookup = DataSourceName.JNDI)
  DataSource dataSource;

  @Resource UserTransaction transaction;

  HistoryTable history;

  @Deployment
  static WebArchive app() {
    return Deployments.packagedWar()
        .addClasses(BoundaryIT.class, TestData.class, Recounts.class, HistoryTable.class);
  }

  @BeforeEach
  void aThousandLinksOnOneIncident() {
    history = new HistoryTable(dataSource);
    if (incident != null) {
      return;
    }
    items.create(projects, ADMIN, TestData.project(P1, "Alpha Safety").build());
    items.create(projects, ADMIN, TestData.project(P2, "Beta Works").build());
    items.create(offices, ADMIN, TestData.office(OFFICE, P1, "North plant"));
    items.create(offices, ADMIN, TestData.office(OTHER_OFFICE, P2, "Beta site"));
    incident =
        items
            .create(incidents, WRITER, TestData.incident(P1, OFFICE, "INC-1", "Collision").build())
            .id();
    for (int i = 0; i < LINKS; i++) {
      String action =
          items
              .create(
                  actions,
                  WRITER,
                  TestData.action(P1, OFFICE, "TRAINING", "ACT-" + i, "Action " + i).build())
              .id();
      items.create(links, WRITER, TestData.link(P1, OFFICE, incident, action).build());
    }
  }

  @Test
  void aPageCostsTheSameFewStatementsWhateverItsSizeOrDepth() {
    assertEquals(2, statementsFor(() -> officeSearch(10, 1, 10)), "ids with the total, then items");
    assertEquals(
        2, statementsFor(() -> officeSearch(LINKS, 1, LINKS)), "a page of 1000 costs the same");
    assertEquals(2, statementsFor(() -> officeSearch(10, 100, 10)), "so does a deep page");
    assertEquals(
        2, statementsFor(() -> officeSearch(10, 100_000, 0)), "past the last: ids, then a count");
  }

  @Test
  void aPageOfTheLinksOfOneIncidentCostsOneStatement() {
    assertEquals(1, statementsFor(() -> search(10, 1, 10)), "the items with the total");
    assertEquals(1, statementsFor(() -> search(LINKS, 1, LINKS)), "a page of 1000 costs the same");
    assertEquals(1, statementsFor(() -> search(10, 100, 10)), "so does the last page");
    assertEquals(
        2, statementsFor(() -> search(10, 101, 0)), "past the last page: the page, then a count");
  }

  /** A page of the links at the incident's office, a filter that narrows to no handful. */
  private void officeSearch(int perPage, int page, int expectedItems) {
    JsonObject body =
        Json.createObjectBuilder(body(perPage, page))
            .add("filter", Json.createObjectBuilder().add("subtenant_id", OFFICE))
            .build();
    Page<JsonObject> found = items.index(links, WRITER, IndexRequest.fromJson(linkModel, body));
    assertEquals(expectedItems, found.items().size());
    assertTrue(found.totalCount() >= LINKS, "the office's links: " + found.totalCount());
  }

  @Test
  void historyFalseIsThePlainSearchAndHistoryTrueCostsAFewStatementsToo() {
    List<String> plain = sqlFor(() -> search(10, 3, 10));
    JsonObject withFalse = Json.createObjectBuilder(body(10, 3)).add("history", false).build();
    assertEquals(
        plain,
        sqlFor(() -> items.index(links, WRITER, IndexRequest.fromJson(linkModel, withFalse))),
        "history: false sends the very statements of a search without the key");
    System.out.println("The SQL of a plain page: " + plain);
    JsonObject withTrue = Json.createObjectBuilder(body(10, 3)).add("history", true).build();
    List<String> plainIds =
        items.index(links, WRITER, request(10, 3)).items().stream()
            .map(item -> item.getString("office_incident_action_id"))
            .toList();
    List<String> history =
        sqlFor(
            () -> {
              Page<JsonObject> found =
                  items.index(links, WRITER, IndexRequest.fromJson(linkModel, withTrue));
              assertEquals(LINKS, found.totalCount());
              assertEquals(
                  plainIds,
                  found.items().stream()
                      .map(item -> item.getString("office_incident_action_id"))
                      .toList(),
                  "no deleted link on the incident: the same page");
            });
    assertEquals(2, history.size(), "the page with its total, then its live items: " + history);
    System.out.println("The SQL of a page with history: " + history);
  }

  @Test
  void aHistoryPageOfOneTenantWithoutFilterIsReadInTheTenantsOrderOnH2() {
    JsonObject plain = Json.createObjectBuilder().add("per-page", 10).add("page", 50).build();
    JsonObject withHistory = Json.createObjectBuilder(plain).add("history", true).build();
    List<String> plainIds =
        ids(items.index(links, WRITER, IndexRequest.fromJson(linkModel, plain)));
    List<String> history =
        sqlFor(
            () ->
                assertEquals(
                    plainIds,
                    ids(items.index(links, WRITER, IndexRequest.fromJson(linkModel, withHistory))),
                    "the links deleted here were created after the first thousand"));
    String page =
        history.stream().filter(sql -> sql.contains("UNION ALL")).findFirst().orElseThrow();
    boolean h2 = emf.unwrap(JpaEntityManagerFactory.class).getServerSession().getPlatform().isH2();
    assertEquals(
        h2,
        page.contains("incident_action e USE INDEX (INCIDENT_ACTION_PROJECT_CREATED)"),
        "H2 is told which index gives the tenant's order; PostgreSQL is not: " + page);
  }

  private static List<String> ids(Page<JsonObject> page) {
    return page.items().stream().map(item -> item.getString("office_incident_action_id")).toList();
  }

  @Test
  void aViewCostsOneStatement() {
    String id =
        items
            .index(links, WRITER, request(1, 1))
            .items()
            .get(0)
            .getString("office_incident_action_id");
    assertEquals(
        1,
        statementsFor(
            () -> {
              JsonObject item = items.view(links, WRITER, id).item();
              for (String joined :
                  List.of("action_name", "incident_name", "office_name", "project_name")) {
                assertTrue(item.containsKey(joined), joined);
              }
            }),
        "the item and its joined names in one select");
  }

  @Test
  void aLinkCreateCostsThreeStatements() {
    String fresh =
        items
            .create(incidents, WRITER, TestData.incident(P1, OFFICE, "INC-S", "Counted").build())
            .id();
    String action =
        items
            .create(
                actions,
                WRITER,
                TestData.action(P1, OFFICE, "CHECK", "ACT-S", "Statements").build())
            .id();
    assertEquals(
        3,
        statementsFor(
            () -> {
              JsonObject item =
                  items
                      .create(links, WRITER, TestData.link(P1, OFFICE, fresh, action).build())
                      .item();
              assertEquals("North plant", item.getString("office_name"));
              assertEquals("Alpha Safety", item.getString("project_name"));
            }),
        "the incident with its office and project, the action and the pair check in one select,"
            + " the insert and the project's count");
    ValidationFailedException again =
        assertThrows(
            ValidationFailedException.class,
            () -> items.create(links, WRITER, TestData.link(P1, OFFICE, fresh, action).build()));
    assertEquals("entity_id", again.errors().get(0).field());
    assertEquals("is linked to this incident already", again.errors().get(0).message());
    items.delete(incidents, WRITER, fresh, null);
    items.delete(actions, WRITER, action, null);
  }

  @Test
  void aLinkUpdateCostsTwoStatementsAndAnswersAsViewDoes() {
    String link = anyLink();
    long read = items.view(links, WRITER, link).version();
    JsonObject[] answered = new JsonObject[1];
    assertEquals(
        2,
        statementsFor(
            () ->
                answered[0] =
                    items
                        .update(
                            links, WRITER, link, description("counted"), version -> version == read)
                        .item()),
        "the link with its incident, action, office and project, then the update");
    assertEquals(items.view(links, WRITER, link).item(), answered[0]);
    assertEquals("counted", answered[0].getString("description"));
  }

  private IndexRequest<IncidentAction> request(int perPage, int page) {
    return IndexRequest.fromJson(linkModel, body(perPage, page));
  }

  private static JsonObject body(int perPage, int page) {
    return Json.createObjectBuilder()
        .add("filter", Json.createObjectBuilder().add("office_incident_id", incident))
        .add("per-page", perPage)
        .add("page", page)
        .add("sort", "-action_name,incident_date")
        .build();
  }

  private void search(int perPage, int page, int expectedItems) {
    Page<JsonObject> found = items.index(links, WRITER, request(perPage, page));
    assertEquals(expectedItems, found.items().size());
    assertEquals(LINKS, found.totalCount());
    if (expectedItems > 0) {
      JsonObject item = found.items().get(0);
      for (String joined : List.of("action_name", "incident_name", "office_name", "project_name")) {
        assertTrue(item.containsKey(joined), joined);
      }
    }
  }

  /** The number of SQL statements EclipseLink sends while this runs. */
  private int statementsFor(Runnable work) {
    return sqlFor(work).size();
  }

  /** The SQL statements EclipseLink sends while this runs, as their text. */
  private List<String> sqlFor(Runnable work) {
    List<String> statements = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    SessionEventListener counter =
        new SessionEventAdapter() {
          @Override
          public void postExecuteCall(SessionEvent event) {
            statements.add(
                event.getCall() instanceof DatabaseCall call
                    ? call.getSQLString()
                    : String.valueOf(event.getCall()));
          }
        };
    SessionEventManager events =
        emf.unwrap(JpaEntityManagerFactory.class).getServerSession().getEventManager();
    events.addListener(counter);
    try {
      work.run();
    } finally {
      events.removeListener(counter);
    }
    return List.copyOf(statements);
  }

  @Test
  void anIfMatchVersionThatIsStaleIsAPreconditionFailure() {
    String link = anyLink();
    long read = items.view(links, WRITER, link).version();
    items.update(links, WRITER, link, description("first"), version -> version == read);
    ClientErrorException stale =
        assertThrows(
            ClientErrorException.class,
            () ->
                items.update(
                    links, WRITER, link, description("second"), version -> version == read));
    assertEquals(412, stale.getResponse().getStatus());
    assertEquals("first", items.view(links, WRITER, link).item().getString("description"));
  }

  @Test
  void aChangeCommittedBetweenTheIfMatchCheckAndTheWriteIsAConflict() {
    String link = anyLink();
    long read = items.view(links, WRITER, link).version();
    ClientErrorException conflict =
        assertThrows(
            ClientErrorException.class,
            () ->
                items.update(
                    links,
                    WRITER,
                    link,
                    description("late"),
                    version -> {
                      // another transaction commits a change right after this one checked
                      CompletableFuture.runAsync(
                              () ->
                                  items.update(
                                      links, WRITER, link, description("overtaking"), null),
                              executor)
                          .join();
                      return version == read;
                    }));
    assertEquals(409, conflict.getResponse().getStatus());
    assertEquals("overtaking", items.view(links, WRITER, link).item().getString("description"));
  }

  private static JsonObject description(String text) {
    return Json.createObjectBuilder().add("description", text).build();
  }

  @Test
  void rolesAndTenantsAreEnforcedAtTheBoundary() {
    String link = anyLink();
    assertThrows(ForbiddenException.class, () -> items.delete(links, READER, link, null));
    assertThrows(NotFoundException.class, () -> items.view(links, STRANGER, link));
    assertEquals(
        0,
        items
            .index(
                links,
                STRANGER,
                IndexRequest.fromJson(linkModel, Json.createObjectBuilder().build()))
            .totalCount());
    Caller noTenants = new Caller("nobody", Set.of(Caller.WRITER), Set.of());
    assertEquals(
        0,
        items
            .index(
                links,
                noTenants,
                IndexRequest.fromJson(linkModel, Json.createObjectBuilder().build()))
            .totalCount());
    assertThrows(
        ForbiddenException.class,
        () ->
            items.create(
                projects,
                WRITER,
                TestData.project("77777777-7777-4777-8777-777777777777", "Nope").build()));
    ValidationFailedException invalid =
        assertThrows(
            ValidationFailedException.class,
            () ->
                items.create(
                    links,
                    WRITER,
                    TestData.link(P1, OFFICE, incident, "77777777-7777-4777-8777-777777777777")
                        .build()));
    assertEquals("entity_id", invalid.errors().get(0).field());
  }

  @Test
  void theDeletePreviewListsAtMostAThousandItemsButCountsThemAll() {
    DeletePreview preview = items.preview(incidents, WRITER, incident);
    assertEquals(DeletePreview.MAX_AFFECTED, preview.affected().size());
    assertEquals(1L, preview.counts().get("incident"));
    assertEquals((long) LINKS, preview.counts().get("incident-action"));
    assertEquals("incident", preview.affected().get(0).type());
    assertEquals(
        (long) LINKS,
        items
            .index(
                links,
                WRITER,
                IndexRequest.fromJson(
                    linkModel, Json.createObjectBuilder().add("per-page", 1).build()))
            .totalCount());
  }

  @Test
  void aForcedDeleteByAnUpperCaseIdDeletesTheDependentsToo() {
    String upper =
        items
            .create(incidents, WRITER, TestData.incident(P1, OFFICE, "INC-U", "Upper").build())
            .id();
    String action =
        items
            .create(actions, WRITER, TestData.action(P1, OFFICE, "CHECK", "ACT-U", "Upper").build())
            .id();
    items.create(links, WRITER, TestData.link(P1, OFFICE, upper, action).build());
    assertEquals(
        1L,
        items
            .preview(incidents, WRITER, upper.toUpperCase(Locale.ROOT))
            .counts()
            .get("incident-action"));
    items.delete(incidents, WRITER, upper.toUpperCase(Locale.ROOT), null);
    assertThrows(NotFoundException.class, () -> items.view(incidents, WRITER, upper));
    assertEquals(0L, items.preview(actions, WRITER, action).counts().get("incident-action"));
    items.delete(actions, WRITER, action, null);
  }

  @Test
  void theKeptCountsAgreeWithTheRowsAfterCreatesAndCascadedDeletes() {
    assertKeptCountsAgree();
    String other =
        items
            .create(incidents, WRITER, TestData.incident(P1, OFFICE, "INC-2", "Spill").build())
            .id();
    String action =
        items
            .create(actions, WRITER, TestData.action(P1, OFFICE, "CHECK", "ACT-X", "Check").build())
            .id();
    items.create(links, WRITER, TestData.link(P1, OFFICE, other, action).build());
    items.create(links, WRITER, TestData.link(P1, OFFICE, incident, action).build());
    assertEquals(LINKS + 2, assertKeptCountsAgree());
    items.delete(incidents, WRITER, other, null);
    assertEquals(LINKS + 1, assertKeptCountsAgree());
    items.delete(actions, WRITER, action, null);
    assertEquals(LINKS, assertKeptCountsAgree());
  }

  @Test
  void aRecountKeepsWhatTheRowsSay() {
    long before = assertKeptCountsAgree();
    recounts.recount(P1);
    assertEquals(before, assertKeptCountsAgree());
  }

  /** The total of an unfiltered search (a kept count) equals a count of the rows; returns it. */
  private long assertKeptCountsAgree() {
    long kept =
        items
            .index(links, WRITER, IndexRequest.fromJson(linkModel, JsonObject.EMPTY_JSON_OBJECT))
            .totalCount();
    JsonObject everyLink =
        Json.createObjectBuilder()
            .add("filter", Json.createObjectBuilder().add("entity_type", "ACTION"))
            .build();
    long counted =
        items.index(links, WRITER, IndexRequest.fromJson(linkModel, everyLink)).totalCount();
    assertEquals(counted, kept, "the kept count of links");
    JsonObject none = JsonObject.EMPTY_JSON_OBJECT;
    assertEquals(
        items.index(actions, WRITER, IndexRequest.fromJson(actionModel, none)).totalCount(),
        items
            .index(
                actions,
                WRITER,
                IndexRequest.fromJson(
                    actionModel,
                    Json.createObjectBuilder()
                        .add("filter", Json.createObjectBuilder().add("tenant_id", P1))
                        .build()))
            .totalCount(),
        "the kept count of actions");
    return kept;
  }

  private String anyLink() {
    return items
        .index(
            links,
            WRITER,
            IndexRequest.fromJson(linkModel, Json.createObjectBuilder().add("per-page", 1).build()))
        .items()
        .get(0)
        .getString("office_incident_action_id");
  }

  // the history of the changes

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

    List<HistoryTable.Entry> entries = history.entries(created.id());
    assertEquals(2, entries.size(), entries.toString());
    assertEntry(entries.get(0), "incident-action", created.id(), 1, "create", created.item());
    assertEntry(entries.get(1), "incident-action", created.id(), 2, "update", lastSeen);

    JsonObject incidentBefore = items.view(incidents, WRITER, incident).item();
    long seqBefore = history.maxSeq();
    items.delete(incidents, WRITER, incident, null);

    List<HistoryTable.Entry> link = history.entries(created.id());
    assertEquals(3, link.size(), "the cascaded delete of the link is recorded too");
    assertEntry(link.get(2), "incident-action", created.id(), 3, "delete", lastSeen);
    List<HistoryTable.Entry> gone = history.entries(incident);
    assertEquals(2, gone.size());
    assertEntry(gone.get(1), "incident", incident, 2, "delete", incidentBefore);
    assertTrue(
        seqBefore < link.get(2).seq() && link.get(2).seq() < gone.get(1).seq(),
        "inserted in the order of the changes: the dependent's delete first");
    assertEquals(null, gone.get(1).feed(), "in the change feed only once a reader stamps it");
    assertEquals(
        1,
        history.entries(action).size(),
        "the action that was linked is unchanged: its create alone");
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
      assertEquals(1, history.entries(id).size(), "written in the transaction of the create");
      assertEquals(
          0,
          CompletableFuture.supplyAsync(() -> unchecked(() -> history.entries(id)), executor)
              .join()
              .size(),
          "another transaction does not see it before the commit");
    } finally {
      transaction.rollback();
    }
    assertEquals(0, history.entries(id).size(), "the rollback took the entry with it");

    String stored = items.create(incidents, WRITER, incident("INC-S", "Stored")).id();
    long entriesBefore = history.entries(stored).size();
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
        history.entries(stored).size(),
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
        assertTrue(row.getLong(3) < history.entries(incident).get(1).seq(), "then the incident");
      }
    }
    assertEquals("delete", history.entries(ids.get(ids.size() - 1)).get(1).operation());
    assertEquals(
        many,
        history.count(
            "SELECT COUNT(*) FROM deleted_incident_action WHERE office_incident_id = ?", incident),
        "every link's row among the deleted items, in the delete's transaction");
    assertEquals(
        1,
        history.count(
            "SELECT COUNT(*) FROM deleted_incident WHERE office_incident_id = ?", incident));
  }

  @Test
  void aDeleteThatRollsBackLeavesNoDeletedItem() throws Exception {
    String incident = items.create(incidents, WRITER, incident("INC-D", "Kept")).id();
    transaction.begin();
    try {
      items.delete(incidents, WRITER, incident, null);
      assertEquals(
          1,
          history.count(
              "SELECT COUNT(*) FROM deleted_incident WHERE office_incident_id = ?", incident),
          "written in the transaction of the delete");
    } finally {
      transaction.rollback();
    }
    assertEquals(
        0,
        history.count(
            "SELECT COUNT(*) FROM deleted_incident WHERE office_incident_id = ?", incident));
    assertEquals(1, history.entries(incident).size(), "its create alone");
  }

  @Test
  void theRowsOfItemsDeletedBeforeTheTablesExistedAreAMigrationOfTheSchemaHistory()
      throws Exception {
    assertEquals(
        List.of("7.1", "deleted items from the history", "true"),
        history.row(
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
    List<String> written = history.row(read, gone);
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
    assertEquals(written, history.row(read, gone), "the same row as its delete wrote");
  }

  private static void assertEntry(
      HistoryTable.Entry entry,
      String resource,
      String id,
      long version,
      String operation,
      JsonObject item) {
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
