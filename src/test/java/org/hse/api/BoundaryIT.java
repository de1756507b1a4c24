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
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.SessionEventListener;
import org.eclipse.persistence.sessions.SessionEventManager;
import org.hse.api.action.boundary.ActionRules;
import org.hse.api.action.control.ActionModel;
import org.hse.api.boundary.Items;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.incident.boundary.IncidentRules;
import org.hse.api.incidentaction.boundary.IncidentActionRules;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.query.DeletePreview;
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
 * caller's roles and tenants as the transaction edge sees them, and the delete preview's cap.
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

  @Deployment
  static WebArchive app() {
    return Deployments.packagedWar().addClasses(BoundaryIT.class, TestData.class, Recounts.class);
  }

  @BeforeEach
  void aThousandLinksOnOneIncident() {
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
}
