package org.hse.api;

import static org.hse.api.TestData.P1;
import static org.hse.api.TestData.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.queries.ReadObjectQuery;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.SessionEventListener;
import org.eclipse.persistence.sessions.SessionEventManager;
import org.hse.api.action.boundary.Actions;
import org.hse.api.action.control.ActionModel;
import org.hse.api.action.entity.Action;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.incident.boundary.Incidents;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incidentaction.boundary.IncidentActions;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.items.ItemVerbs;
import org.hse.api.items.Stored;
import org.hse.api.model.ResourceModels;
import org.hse.api.persistence.DataSourceName;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.DeletedItemTables;
import org.hse.api.query.DeletedItems;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.Page;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.boundary.Offices;
import org.hse.api.tenancy.boundary.Projects;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Project;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The features' boundaries inside the container, called as the container's admin ({@link
 * RunAsAdmin}; roles are tested on the wire) with the {@link Caller} whose tenants scope them: the
 * cost of a page in SQL statements, the If-Match race, the tenant scope of every kind of query, and
 * the delete preview's cap; and the history: every create, update and delete, cascaded deletes
 * included, leaves its entry in the transaction of the change, with the item as {@code view}
 * answered it, and a write that rolls back leaves none.
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
  static final Caller STRANGER = new Caller("stranger", Set.of(Caller.WRITER), Set.of(P2));

  static String incident;

  @Inject RunAsAdmin runAs;
  @Inject Projects projectBoundary;
  @Inject Offices officeBoundary;
  @Inject Incidents incidentBoundary;
  @Inject Actions actionBoundary;
  @Inject IncidentActions linkBoundary;

  ItemVerbs<Project> projects;
  ItemVerbs<Office> offices;
  ItemVerbs<Incident> incidents;
  ItemVerbs<Action> actions;
  ItemVerbs<IncidentAction> links;
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
        .addClasses(
            BoundaryIT.class, TestData.class, Recounts.class, HistoryTable.class, RunAsAdmin.class)
        .addAsWebInfResource("run-as/glassfish-web.xml", "glassfish-web.xml");
  }

  @BeforeEach
  void aThousandLinksOnOneIncident() {
    history = new HistoryTable(dataSource);
    projects = RunAsAdmin.verbs(runAs, (ItemVerbs<Project>) projectBoundary);
    offices = RunAsAdmin.verbs(runAs, (ItemVerbs<Office>) officeBoundary);
    incidents = RunAsAdmin.verbs(runAs, (ItemVerbs<Incident>) incidentBoundary);
    actions = RunAsAdmin.verbs(runAs, (ItemVerbs<Action>) actionBoundary);
    links = RunAsAdmin.verbs(runAs, (ItemVerbs<IncidentAction>) linkBoundary);
    if (incident != null) {
      return;
    }
    projects.create(ADMIN, TestData.project(P1, "Alpha Safety").build());
    projects.create(ADMIN, TestData.project(P2, "Beta Works").build());
    offices.create(ADMIN, TestData.office(OFFICE, P1, "North plant"));
    offices.create(ADMIN, TestData.office(OTHER_OFFICE, P2, "Beta site"));
    incident =
        incidents.create(WRITER, TestData.incident(P1, OFFICE, "INC-1", "Collision").build()).id();
    for (int i = 0; i < LINKS; i++) {
      String action =
          actions
              .create(
                  WRITER,
                  TestData.action(P1, OFFICE, "TRAINING", "ACT-" + i, "Action " + i).build())
              .id();
      links.create(WRITER, TestData.link(P1, OFFICE, incident, action).build());
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
    Page<JsonObject> found = links.index(WRITER, IndexRequest.fromJson(linkModel, body));
    assertEquals(expectedItems, found.items().size());
    assertTrue(found.totalCount() >= LINKS, "the office's links: " + found.totalCount());
  }

  @Test
  void historyFalseIsThePlainSearchAndHistoryTrueCostsAFewStatementsToo() {
    List<String> plain = sqlFor(() -> search(10, 3, 10));
    JsonObject withFalse = Json.createObjectBuilder(body(10, 3)).add("history", false).build();
    assertEquals(
        plain,
        sqlFor(() -> links.index(WRITER, IndexRequest.fromJson(linkModel, withFalse))),
        "history: false sends the very statements of a search without the key");
    System.out.println("The SQL of a plain page: " + plain);
    JsonObject withTrue = Json.createObjectBuilder(body(10, 3)).add("history", true).build();
    List<String> plainIds =
        links.index(WRITER, request(10, 3)).items().stream()
            .map(item -> item.getString("office_incident_action_id"))
            .toList();
    List<String> history =
        sqlFor(
            () -> {
              Page<JsonObject> found =
                  links.index(WRITER, IndexRequest.fromJson(linkModel, withTrue));
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
    List<String> plainIds = ids(links.index(WRITER, IndexRequest.fromJson(linkModel, plain)));
    List<String> history =
        sqlFor(
            () ->
                assertEquals(
                    plainIds,
                    ids(links.index(WRITER, IndexRequest.fromJson(linkModel, withHistory))),
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
        links.index(WRITER, request(1, 1)).items().get(0).getString("office_incident_action_id");
    assertEquals(
        1,
        statementsFor(
            () -> {
              JsonObject item = links.view(WRITER, id).item();
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
        incidents.create(WRITER, TestData.incident(P1, OFFICE, "INC-S", "Counted").build()).id();
    String action =
        actions
            .create(WRITER, TestData.action(P1, OFFICE, "CHECK", "ACT-S", "Statements").build())
            .id();
    assertEquals(
        3,
        statementsFor(
            () -> {
              JsonObject item =
                  links.create(WRITER, TestData.link(P1, OFFICE, fresh, action).build()).item();
              assertEquals("North plant", item.getString("office_name"));
              assertEquals("Alpha Safety", item.getString("project_name"));
            }),
        "the incident with its office and project, the action and the pair check in one select,"
            + " the insert and the project's count");
    ValidationFailedException again =
        assertThrows(
            ValidationFailedException.class,
            () -> links.create(WRITER, TestData.link(P1, OFFICE, fresh, action).build()));
    assertEquals("entity_id", again.errors().get(0).field());
    assertEquals("is linked to this incident already", again.errors().get(0).message());
    incidents.delete(WRITER, fresh, null);
    actions.delete(WRITER, action, null);
  }

  @Test
  void aLinkUpdateCostsTwoStatementsAndAnswersAsViewDoes() {
    String link = anyLink();
    long read = links.view(WRITER, link).version();
    JsonObject[] answered = new JsonObject[1];
    assertEquals(
        2,
        statementsFor(
            () ->
                answered[0] =
                    links
                        .update(WRITER, link, description("counted"), version -> version == read)
                        .item()),
        "the link with its incident, action, office and project, then the update");
    assertEquals(links.view(WRITER, link).item(), answered[0]);
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
    Page<JsonObject> found = links.index(WRITER, request(perPage, page));
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
    return sentFor(work).stream().map(Sent::sql).toList();
  }

  /**
   * Every kind of query the boundaries build, the lookups of an update and a delete included, run
   * over items of two tenants for a caller of one and for an admin: the caller of one tenant gets
   * nothing of the other, and every statement sent for it carries the tenant condition that {@link
   * org.hse.api.query.TenantScope} writes, except a lookup by key (an entity by its id, or the
   * incident and action a link names, each read by its id), whose tenant the scope then judges, and
   * the feed's own bookkeeping, which answers nothing; the admin gets both tenants, and no
   * statement names a tenant.
   */
  @Test
  void everyQueryKindIsScopedForACallerOfOneTenantAndOpenForAnAdmin() {
    String theirIncident =
        incidents
            .create(STRANGER, TestData.incident(P2, OTHER_OFFICE, "INC-T", "Theirs").build())
            .id();
    String theirAction =
        actions
            .create(STRANGER, TestData.action(P2, OTHER_OFFICE, "CHECK", "ACT-T", "Theirs").build())
            .id();
    String gone =
        actions
            .create(STRANGER, TestData.action(P2, OTHER_OFFICE, "CHECK", "ACT-G", "Gone").build())
            .id();
    String theirLink =
        links
            .create(STRANGER, TestData.link(P2, OTHER_OFFICE, theirIncident, theirAction).build())
            .id();
    links.create(STRANGER, TestData.link(P2, OTHER_OFFICE, theirIncident, gone).build());
    actions.delete(STRANGER, gone, null);
    String spare =
        actions
            .create(STRANGER, TestData.action(P2, OTHER_OFFICE, "CHECK", "ACT-S", "Spare").build())
            .id();
    String ourAction = anyLinkItem().getString("entity_id");
    JsonObject theirName =
        Json.createObjectBuilder()
            .add("filter", Json.createObjectBuilder().add("incident_name", "Theirs"))
            .build();
    JsonObject pastTheLast = Json.createObjectBuilder().add("page", 100_000).build();
    Map<String, Function<Caller, Object>> kinds = new LinkedHashMap<>();
    kinds.put(
        "index", caller -> tenantsOf(links.index(caller, linkSearch(JsonValue.EMPTY_JSON_OBJECT))));
    kinds.put(
        "index filtered through a relation",
        caller -> tenantsOf(links.index(caller, linkSearch(theirName))));
    kinds.put(
        "index with history",
        caller ->
            tenantsOf(
                links.index(
                    caller,
                    linkSearch(Json.createObjectBuilder(theirName).add("history", true).build()))));
    kinds.put(
        "count past the last page",
        caller -> links.index(caller, linkSearch(pastTheLast)).totalCount());
    kinds.put(
        "filtered count past the last page",
        caller ->
            links
                .index(
                    caller,
                    linkSearch(Json.createObjectBuilder(theirName).add("page", 100_000).build()))
                .totalCount());
    kinds.put("view", caller -> answer(() -> links.view(caller, theirLink).id()));
    kinds.put(
        "history", caller -> answer(() -> links.history(caller, theirLink, 1, 20).totalCount()));
    kinds.put("changes", caller -> feedHas(caller, theirLink));
    kinds.put(
        "references",
        caller ->
            answer(
                () ->
                    links
                        .create(caller, TestData.link(P1, OFFICE, theirIncident, ourAction).build())
                        .id()));
    kinds.put(
        "delete preview",
        caller -> answer(() -> incidents.preview(caller, theirIncident).counts()));
    kinds.put(
        "update",
        caller ->
            answer(() -> actions.update(caller, spare, description("moved"), null).version()));
    kinds.put("delete", caller -> answer(() -> deleted(() -> actions.delete(caller, spare, null))));
    links.changes(ADMIN, null, 1);
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, Function<Caller, Object>> kind : kinds.entrySet()) {
      Object[] ours = new Object[1];
      List<Sent> oneTenant = sentFor(() -> ours[0] = kind.getValue().apply(WRITER));
      Object[] all = new Object[1];
      List<Sent> admin = sentFor(() -> all[0] = kind.getValue().apply(ADMIN));
      assertFalse(oneTenant.isEmpty(), kind.getKey());
      for (Sent sent : oneTenant) {
        assertTrue(
            sent.namesTenants() || sent.byKey() || sent.bookkeeping(),
            kind.getKey()
                + ": a statement for a caller of one tenant without its condition: "
                + sent);
      }
      for (Sent sent : admin) {
        assertFalse(
            sent.namesTenants(), kind.getKey() + ": an admin's statement names tenants: " + sent);
      }
      seen.put(kind.getKey(), ours[0] + " / " + all[0]);
    }
    System.out.println("Tenant scope, a writer of " + P1 + " / an admin: " + seen);
    assertEquals(
        "404 / 2", seen.get("update"), "their action: not found for us, changed by an admin");
    assertEquals("404 / deleted", seen.get("delete"));
    assertEquals(
        List.of(P1), tenantsOf(links.index(WRITER, linkSearch(JsonValue.EMPTY_JSON_OBJECT))));
    assertEquals(List.of(), tenantsOf(links.index(WRITER, linkSearch(theirName))));
    assertEquals(Set.of(P2), Set.copyOf(tenantsOf(links.index(ADMIN, linkSearch(theirName)))));
    assertEquals(
        2,
        links
            .index(
                ADMIN, linkSearch(Json.createObjectBuilder(theirName).add("history", true).build()))
            .totalCount(),
        "the admin finds their live and their deleted link");
    assertEquals(
        0,
        links
            .index(
                WRITER,
                linkSearch(Json.createObjectBuilder(theirName).add("history", true).build()))
            .totalCount());
    assertEquals(
        links.index(WRITER, linkSearch(JsonValue.EMPTY_JSON_OBJECT)).totalCount(),
        links.index(WRITER, linkSearch(pastTheLast)).totalCount());
    assertTrue(
        links.index(ADMIN, linkSearch(pastTheLast)).totalCount()
            > links.index(WRITER, linkSearch(pastTheLast)).totalCount());
    assertEquals("404", answer(() -> links.view(WRITER, theirLink).id()));
    assertEquals(theirLink, answer(() -> links.view(ADMIN, theirLink).id()));
    assertEquals("404", answer(() -> links.history(WRITER, theirLink, 1, 20).totalCount()));
    assertEquals(1L, answer(() -> links.history(ADMIN, theirLink, 1, 20).totalCount()));
    assertEquals(false, feedHas(WRITER, theirLink));
    assertEquals(true, feedHas(ADMIN, theirLink));
    assertEquals(
        "422 office_incident_id",
        answer(
            () ->
                links
                    .create(WRITER, TestData.link(P1, OFFICE, theirIncident, ourAction).build())
                    .id()));
    assertEquals("404", answer(() -> incidents.preview(WRITER, theirIncident).counts()));
    assertEquals(
        1L,
        ((Map<?, ?>) answer(() -> incidents.preview(ADMIN, theirIncident).counts()))
            .get("incident-action"));
  }

  private static String deleted(Runnable delete) {
    delete.run();
    return "deleted";
  }

  private IndexRequest<IncidentAction> linkSearch(JsonObject body) {
    return IndexRequest.fromJson(linkModel, body);
  }

  private static List<String> tenantsOf(Page<JsonObject> page) {
    return page.items().stream().map(item -> item.getString("tenant_id")).distinct().toList();
  }

  /** Whether the caller's change feed of links, read to its end, holds a change of this link. */
  private boolean feedHas(Caller caller, String link) {
    String after = null;
    while (true) {
      JsonObject feed = links.changes(caller, after, 1000);
      if (feed.getJsonArray("changes").isEmpty()) {
        return false;
      }
      if (feed.getJsonArray("changes").stream()
          .anyMatch(change -> change.asJsonObject().getString("id").equals(link))) {
        return true;
      }
      after = feed.getString("next");
    }
  }

  /** What the verb answers, or the status it refuses with (and a 422's fields). */
  private static Object answer(java.util.concurrent.Callable<Object> verb) {
    try {
      return verb.call();
    } catch (NotFoundException e) {
      return "404";
    } catch (ValidationFailedException e) {
      return "422 " + String.join(",", e.errors().stream().map(error -> error.field()).toList());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private JsonObject anyLinkItem() {
    return links
        .index(
            WRITER,
            IndexRequest.fromJson(linkModel, Json.createObjectBuilder().add("per-page", 1).build()))
        .items()
        .get(0);
  }

  /**
   * A statement EclipseLink sent: its SQL, and whether its query reads an entity by its key or is
   * one of the reads of the items a link names by their ids.
   */
  record Sent(String sql, String query, boolean byKey) {

    private static final java.util.regex.Pattern TENANTS =
        java.util.regex.Pattern.compile("(?i)\\b(project_id|tenant_id)\\s+IN\\s*\\(");

    boolean namesTenants() {
      return TENANTS.matcher(sql).find();
    }

    /** The change feed's stamping of committed entries: it answers the caller nothing. */
    boolean bookkeeping() {
      return sql.contains("feed IS NULL") || sql.contains("history_feed");
    }
  }

  private static final Set<String> READS_BY_ID =
      Set.of(Incident.WITH_PLACE, IncidentAction.PLACE_AND_PAIR, IncidentAction.COUNT_SAME_PAIR);

  /** The statements EclipseLink sends while this runs. */
  private List<Sent> sentFor(Runnable work) {
    List<Sent> sent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    SessionEventListener listener =
        new SessionEventAdapter() {
          @Override
          public void postExecuteCall(SessionEvent event) {
            DatabaseQuery query =
                event.getQuery() == null && event.getCall() instanceof DatabaseCall call
                    ? call.getQuery()
                    : event.getQuery();
            boolean byKey =
                query instanceof ReadObjectQuery read && read.isPrimaryKeyQuery()
                    || query != null
                        && query.getName() != null
                        && READS_BY_ID.contains(query.getName());
            sent.add(
                new Sent(
                    event.getCall() instanceof DatabaseCall call
                        ? call.getSQLString()
                        : String.valueOf(event.getCall()),
                    query == null ? null : query.getClass().getSimpleName() + " " + query.getName(),
                    byKey));
          }
        };
    SessionEventManager events =
        emf.unwrap(JpaEntityManagerFactory.class).getServerSession().getEventManager();
    events.addListener(listener);
    try {
      work.run();
    } finally {
      events.removeListener(listener);
    }
    return List.copyOf(sent);
  }

  @Test
  void anIfMatchVersionThatIsStaleIsAPreconditionFailure() {
    String link = anyLink();
    long read = links.view(WRITER, link).version();
    links.update(WRITER, link, description("first"), version -> version == read);
    ClientErrorException stale =
        assertThrows(
            ClientErrorException.class,
            () -> links.update(WRITER, link, description("second"), version -> version == read));
    assertEquals(412, stale.getResponse().getStatus());
    assertEquals("first", links.view(WRITER, link).item().getString("description"));
  }

  @Test
  void aChangeCommittedBetweenTheIfMatchCheckAndTheWriteIsAConflict() {
    String link = anyLink();
    long read = links.view(WRITER, link).version();
    ClientErrorException conflict =
        assertThrows(
            ClientErrorException.class,
            () ->
                links.update(
                    WRITER,
                    link,
                    description("late"),
                    version -> {
                      // another transaction commits a change right after this one checked
                      CompletableFuture.runAsync(
                              () -> links.update(WRITER, link, description("overtaking"), null),
                              executor)
                          .join();
                      return version == read;
                    }));
    assertEquals(409, conflict.getResponse().getStatus());
    assertEquals("overtaking", links.view(WRITER, link).item().getString("description"));
  }

  private static JsonObject description(String text) {
    return Json.createObjectBuilder().add("description", text).build();
  }

  @Test
  void tenantsAreEnforcedAtTheBoundary() {
    String link = anyLink();
    assertThrows(NotFoundException.class, () -> links.view(STRANGER, link));
    assertEquals(
        0,
        links
            .index(STRANGER, IndexRequest.fromJson(linkModel, Json.createObjectBuilder().build()))
            .totalCount());
    Caller noTenants = new Caller("nobody", Set.of(Caller.WRITER), Set.of());
    assertEquals(
        0,
        links
            .index(noTenants, IndexRequest.fromJson(linkModel, Json.createObjectBuilder().build()))
            .totalCount());
    ValidationFailedException invalid =
        assertThrows(
            ValidationFailedException.class,
            () ->
                links.create(
                    WRITER,
                    TestData.link(P1, OFFICE, incident, "77777777-7777-4777-8777-777777777777")
                        .build()));
    assertEquals("entity_id", invalid.errors().get(0).field());
  }

  @Test
  void theDeletePreviewListsAtMostAThousandItemsButCountsThemAll() {
    DeletePreview preview = incidents.preview(WRITER, incident);
    assertEquals(DeletePreview.MAX_AFFECTED, preview.affected().size());
    assertEquals(1L, preview.counts().get("incident"));
    assertEquals((long) LINKS, preview.counts().get("incident-action"));
    assertEquals("incident", preview.affected().get(0).type());
    assertEquals(
        (long) LINKS,
        links
            .index(
                WRITER,
                IndexRequest.fromJson(
                    linkModel, Json.createObjectBuilder().add("per-page", 1).build()))
            .totalCount());
  }

  @Test
  void aForcedDeleteByAnUpperCaseIdDeletesTheDependentsToo() {
    String upper =
        incidents.create(WRITER, TestData.incident(P1, OFFICE, "INC-U", "Upper").build()).id();
    String action =
        actions.create(WRITER, TestData.action(P1, OFFICE, "CHECK", "ACT-U", "Upper").build()).id();
    links.create(WRITER, TestData.link(P1, OFFICE, upper, action).build());
    assertEquals(
        1L,
        incidents.preview(WRITER, upper.toUpperCase(Locale.ROOT)).counts().get("incident-action"));
    incidents.delete(WRITER, upper.toUpperCase(Locale.ROOT), null);
    assertThrows(NotFoundException.class, () -> incidents.view(WRITER, upper));
    assertEquals(0L, actions.preview(WRITER, action).counts().get("incident-action"));
    actions.delete(WRITER, action, null);
  }

  @Test
  void theKeptCountsAgreeWithTheRowsAfterCreatesAndCascadedDeletes() {
    assertKeptCountsAgree();
    String other =
        incidents.create(WRITER, TestData.incident(P1, OFFICE, "INC-2", "Spill").build()).id();
    String action =
        actions.create(WRITER, TestData.action(P1, OFFICE, "CHECK", "ACT-X", "Check").build()).id();
    links.create(WRITER, TestData.link(P1, OFFICE, other, action).build());
    links.create(WRITER, TestData.link(P1, OFFICE, incident, action).build());
    assertEquals(LINKS + 2, assertKeptCountsAgree());
    incidents.delete(WRITER, other, null);
    assertEquals(LINKS + 1, assertKeptCountsAgree());
    actions.delete(WRITER, action, null);
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
        links
            .index(WRITER, IndexRequest.fromJson(linkModel, JsonObject.EMPTY_JSON_OBJECT))
            .totalCount();
    JsonObject everyLink =
        Json.createObjectBuilder()
            .add("filter", Json.createObjectBuilder().add("entity_type", "ACTION"))
            .build();
    long counted = links.index(WRITER, IndexRequest.fromJson(linkModel, everyLink)).totalCount();
    assertEquals(counted, kept, "the kept count of links");
    JsonObject none = JsonObject.EMPTY_JSON_OBJECT;
    assertEquals(
        actions.index(WRITER, IndexRequest.fromJson(actionModel, none)).totalCount(),
        actions
            .index(
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
    return links
        .index(
            WRITER,
            IndexRequest.fromJson(linkModel, Json.createObjectBuilder().add("per-page", 1).build()))
        .items()
        .get(0)
        .getString("office_incident_action_id");
  }

  // the history of the changes

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

    List<HistoryTable.Entry> entries = history.entries(created.id());
    assertEquals(2, entries.size(), entries.toString());
    assertEntry(entries.get(0), "incident-action", created.id(), 1, "create", created.item());
    assertEntry(entries.get(1), "incident-action", created.id(), 2, "update", lastSeen);

    JsonObject incidentBefore = incidents.view(WRITER, incident).item();
    long seqBefore = history.maxSeq();
    incidents.delete(WRITER, incident, null);

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
      incidents.create(
          WRITER, incidentBuilder("INC-R", "Rolled back").add("office_incident_id", id).build());
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

    String stored = incidents.create(WRITER, incident("INC-S", "Stored")).id();
    long entriesBefore = history.entries(stored).size();
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
    String start = incidents.changes(ADMIN, null, 1000).getString("next");
    String early = "45555555-5555-4555-8555-555555555555";
    String late;
    JsonObject first;
    transaction.begin();
    try {
      incidents.create(
          ADMIN,
          TestData.incident(P2, OTHER_OFFICE, "INC-E", "Early")
              .add("office_incident_id", early)
              .build());
      late =
          CompletableFuture.supplyAsync(
                  () -> incidents.create(WRITER, incident("INC-L", "Late")).id(), executor)
              .get(30, TimeUnit.SECONDS);
      first =
          CompletableFuture.supplyAsync(() -> incidents.changes(ADMIN, start, 1000), executor)
              .get(30, TimeUnit.SECONDS);
    } finally {
      transaction.commit();
    }
    assertEquals(List.of(late + " create"), changes(first));
    JsonObject second = incidents.changes(ADMIN, first.getString("next"), 1000);
    assertEquals(List.of(early + " create"), changes(second));
    assertEquals(
        List.of(late + " create", early + " create"),
        changes(incidents.changes(ADMIN, start, 1000)),
        "read again from the start: the same changes in the same order");
  }

  private static List<String> changes(JsonObject page) {
    return page.getJsonArray("changes").stream()
        .map(c -> c.asJsonObject().getString("id") + " " + c.asJsonObject().getString("operation"))
        .toList();
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
    String incident = incidents.create(WRITER, incident("INC-D", "Kept")).id();
    transaction.begin();
    try {
      incidents.delete(WRITER, incident, null);
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
    String gone = incidents.create(WRITER, incident("INC-B", "Backfilled")).id();
    incidents.delete(WRITER, gone, null);
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

  @Test
  void theTablesOfDeletedItemsHaveAColumnForEveryFieldAndACheckNamesOneTakenAway()
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DeletedItemTables.check(connection, models.all());
      List<DeletedItemTables.Column> real =
          DeletedItemTables.columns(connection, "deleted_incident_action");
      List<DeletedItemTables.Column> lacking =
          real.stream().filter(column -> !column.name().equalsIgnoreCase("incident_name")).toList();
      assertEquals(real.size() - 1, lacking.size(), "the column as the database names it");
      assertEquals(
          List.of("incident_name"),
          DeletedItemTables.mismatch(linkModel, lacking).orElseThrow().missing());
    }
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
