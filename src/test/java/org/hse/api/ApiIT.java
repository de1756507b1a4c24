package org.hse.api;

import static org.hse.api.ApiAssertions.assertErrorBody;
import static org.hse.api.ApiAssertions.assertFields;
import static org.hse.api.ApiAssertions.created;
import static org.hse.api.ApiAssertions.id;
import static org.hse.api.ApiAssertions.strings;
import static org.hse.api.ApiAssertions.total;
import static org.hse.api.TestData.P1;
import static org.hse.api.TestData.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hse.api.ApiClient.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The v2 API as a client sees it, on the packaged WAR: every verb of every resource, search,
 * paging, errors, concurrency, retries, roles and tenants.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

  static final String O1 = "31111111-1111-4111-8111-111111111111";
  static final String O1B = "31111111-1111-4111-8111-222222222222";
  static final String O2 = "32222222-2222-4222-8222-222222222222";

  static ApiClient admin;
  static ApiClient writer;
  static ApiClient reader;
  static ApiClient other;
  static ApiClient norole;
  static ApiClient anonymous;
  static String incident1;
  static String incident2;
  static String otherIncident;
  static String otherAction;
  static List<String> actions;

  @ArquillianResource URL url;

  @Deployment(testable = false)
  static WebArchive app() {
    return Deployments.packagedWar();
  }

  @BeforeEach
  void world() throws Exception {
    if (admin != null) {
      return;
    }
    URI base = url.toURI();
    anonymous = new ApiClient(base, null);
    admin = anonymous.as(ApiClient.login(base, "admin", TestData.password("admin")));
    writer = anonymous.as(ApiClient.login(base, "writer", TestData.password("writer")));
    reader = anonymous.as(ApiClient.login(base, "reader", TestData.password("reader")));
    other = anonymous.as(ApiClient.login(base, "other", TestData.password("other")));
    norole = anonymous.as(ApiClient.login(base, "norole", TestData.password("norole")));

    created(admin.create("project", TestData.project(P1, "Alpha Safety").build()));
    created(
        admin.create(
            "project", TestData.project(P2, "Beta Works").add("project_type", "template").build()));
    created(admin.create("office", TestData.office(O1, P1, "North plant")));
    created(admin.create("office", TestData.office(O1B, P1, "South depot")));
    created(admin.create("office", TestData.office(O2, P2, "Beta site")));

    incident1 =
        id(
            created(
                writer.create(
                    "incident", TestData.incident(P1, O1, "INC-1", "Forklift collision").build())));
    incident2 =
        id(
            created(
                writer.create(
                    "incident", TestData.incident(P1, O1B, "INC-2", "Slippery floor").build())));
    otherIncident =
        id(
            created(
                other.create(
                    "incident", TestData.incident(P2, O2, "INC-9", "Beta spill").build())));
    otherAction =
        id(
            created(
                other.create(
                    "action", TestData.action(P2, O2, "PER", "ACT-99", "Beta gloves").build())));
    actions =
        List.of(
            id(
                created(
                    writer.create(
                        "action",
                        TestData.action(P1, O1, "TRAINING", "ACT-1", "Zebra crossing drill")
                            .build()))),
            id(
                created(
                    writer.create(
                        "action",
                        TestData.action(P1, O1, "MAINTENANCE", "ACT-2", "brake check").build()))),
            id(
                created(
                    writer.create(
                        "action",
                        TestData.action(P1, O1, "HEALTH", "ACT-3", "Medical visit").build()))),
            id(
                created(
                    writer.create(
                        "action",
                        TestData.action(P1, O1, "CHECK", "ACT-4", "Audit 100%_done").build()))));
    for (String action : actions.subList(0, 3)) {
      created(
          writer.create(
              "incident-action",
              TestData.link(P1, O1, incident1, action)
                  .add("description", "linked " + action)
                  .build()));
    }
    created(
        writer.create(
            "incident-action", TestData.link(P1, O1B, incident2, actions.get(0)).build()));
    created(
        other.create("incident-action", TestData.link(P2, O2, otherIncident, otherAction).build()));
  }

  // --- search -------------------------------------------------------------------------------

  @Test
  void theSeedRequestAnswersTheIncidentsLinksWithJoinedFieldsSortedByActionName() {
    Reply reply =
        writer.index(
            "incident-action",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("office_incident_id", incident1))
                .add("per-page", 20)
                .add("page", 1)
                .add("sort", "action_name")
                .build());
    assertEquals(200, reply.status(), reply.body());
    JsonArray items = reply.array();
    assertEquals(
        List.of("brake check", "Medical visit", "Zebra crossing drill"),
        strings(items, "action_name"));
    JsonObject first = items.getJsonObject(0);
    assertEquals(incident1, first.getString("office_incident_id"));
    assertEquals("ACT-2", first.getString("action_code"));
    assertEquals("MAINTENANCE", first.getString("action_type"));
    assertEquals("INC-1", first.getString("incident_code"));
    assertEquals("Forklift collision", first.getString("incident_name"));
    assertEquals("2026-11-20", first.getString("incident_date"));
    assertEquals("ACCIDENTS", first.getString("incident_category"));
    assertEquals("new", first.getString("incident_status"));
    assertEquals("Alpha Safety", first.getString("project_name"));
    assertEquals("safety", first.getString("project_type"));
    assertEquals("North plant", first.getString("office_name"));
    assertEquals("ACTION", first.getString("entity_type"));
    assertEquals(P1, first.getString("tenant_id"));
    assertEquals(O1, first.getString("subtenant_id"));
    assertTrue(first.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    assertTrue(first.getString("updated_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    assertPaging(reply, 1, 1, 20, 3);
  }

  @Test
  void getFormFiltersWithRepeatedValuesAndAnswersLinkHeaders() {
    Reply reply =
        writer.indexQuery(
            "incident-action",
            "filter[office_incident_id]="
                + incident1
                + "&filter[office_incident_id]="
                + incident2
                + "&per-page=2&page=1&sort=-action_name");
    assertEquals(200, reply.status(), reply.body());
    assertEquals(
        List.of("Zebra crossing drill", "Zebra crossing drill"),
        strings(reply.array(), "action_name"));
    assertPaging(reply, 1, 2, 2, 4);
    String links =
        String.join(
            ",",
            reply.headers().getOrDefault("Link", reply.headers().getOrDefault("link", List.of())));
    assertTrue(links.contains("rel=\"self\""), links);
    assertTrue(links.contains("rel=\"next\""), links);
    assertTrue(links.contains("rel=\"last\""), links);
    assertFalse(links.contains("rel=\"prev\""), links);
    assertTrue(links.contains("page=2"), links);
  }

  @Test
  void paging_neverRepeatsOrSkipsAndAPagePastTheLastIsEmpty() {
    Set<String> seen = new java.util.HashSet<>();
    for (int page = 1; page <= 4; page++) {
      Reply reply =
          writer.indexQuery("incident-action", "per-page=1&page=" + page + "&sort=action_type");
      assertEquals(200, reply.status());
      assertPaging(reply, page, 4, 1, 4);
      seen.addAll(strings(reply.array(), "office_incident_action_id"));
    }
    assertEquals(4, seen.size());
    Reply past = writer.indexQuery("incident-action", "per-page=1&page=9");
    assertEquals(200, past.status());
    assertEquals(0, past.array().size());
    assertPaging(past, 9, 4, 1, 4);
  }

  @Test
  void missingValuesSortLastAscendingAndFirstDescending() {
    JsonObject noCode =
        Json.createObjectBuilder(TestData.incident(P1, O1, "", "No code").build())
            .remove("code")
            .build();
    String id = id(created(writer.create("incident", noCode)));
    List<String> ascending =
        strings(writer.indexQuery("incident", "sort=code").array(), "office_incident_id");
    List<String> descending =
        strings(writer.indexQuery("incident", "sort=-code").array(), "office_incident_id");
    assertEquals(id, ascending.get(ascending.size() - 1));
    assertEquals(id, descending.get(0));
    assertEquals(204, writer.delete("incident", id, "true").status());
  }

  @Test
  void defaultPageSizeIsAHundredAndHistoryAddsTheDeletedItems() {
    Reply reply =
        writer.index("incident-action", Json.createObjectBuilder().add("history", true).build());
    assertEquals(200, reply.status(), reply.body());
    long deleted =
        reply.array().stream().filter(item -> !item.asJsonObject().isNull("deleted_at")).count();
    assertPaging(reply, 1, 1, 100, 4 + deleted);
  }

  @Test
  void substringFiltersIgnoreCaseAndTreatWildcardsAsData() {
    assertEquals(
        List.of("Zebra crossing drill"),
        strings(
            searchLinks(
                Json.createObjectBuilder()
                    .add("action_name", "ZEBRA")
                    .add("office_incident_id", incident1)),
            "action_name"));
    assertEquals(1, searchActions(Json.createObjectBuilder().add("name", "%")).size());
    assertEquals(1, searchActions(Json.createObjectBuilder().add("name", "100%_")).size());
    assertEquals(0, searchActions(Json.createObjectBuilder().add("name", "Au%done")).size());
    assertEquals(0, searchActions(Json.createObjectBuilder().add("name", "Audit_100")).size());
    assertEquals(0, searchActions(Json.createObjectBuilder().add("name", "' OR 1=1 --")).size());
  }

  @Test
  void exactFiltersTakeArraysEnumsAndDates() {
    JsonArray both =
        searchLinks(
            Json.createObjectBuilder()
                .add(
                    "entity_id",
                    Json.createArrayBuilder().add(actions.get(1)).add(actions.get(2))));
    assertEquals(Set.of("ACT-2", "ACT-3"), Set.copyOf(strings(both, "action_code")));
    assertEquals(1, searchLinks(Json.createObjectBuilder().add("action_type", "HEALTH")).size());
    assertEquals(
        4, searchLinks(Json.createObjectBuilder().add("incident_date", "2026-11-20")).size());
    assertEquals(
        0, searchLinks(Json.createObjectBuilder().add("incident_date", "2026-11-21")).size());
    assertEquals(1, searchLinks(Json.createObjectBuilder().add("office_name", "south")).size());
  }

  @Test
  void badSearchParametersAre422WithEveryFailingField() {
    assertFields(
        writer.index("incident-action", Json.createObjectBuilder().add("per-page", 0).build()),
        "per-page");
    assertFields(
        writer.index("incident-action", Json.createObjectBuilder().add("per-page", 1001).build()),
        "per-page");
    assertFields(
        writer.index("incident-action", Json.createObjectBuilder().add("per-page", "abc").build()),
        "per-page");
    assertFields(
        writer.index("incident-action", Json.createObjectBuilder().add("per-page", "20").build()),
        "per-page");
    assertFields(
        writer.index("incident-action", Json.createObjectBuilder().add("page", 0).build()), "page");
    assertFields(
        writer.index("incident-action", Json.createObjectBuilder().add("sort", "password").build()),
        "sort");
    assertFields(
        writer.index("incident-action", Json.createObjectBuilder().add("limit", 5).build()),
        "limit");
    assertFields(
        writer.index(
            "incident-action",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("secret", "x"))
                .add("page", -1)
                .build()),
        "filter[secret]",
        "page");
    assertFields(
        writer.index(
            "incident-action",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("office_incident_id", "not-a-uuid"))
                .build()),
        "filter[office_incident_id]");
    assertFields(
        writer.index(
            "incident-action",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("action_type", "SLEEP"))
                .build()),
        "filter[action_type]");
    assertFields(
        writer.indexQuery("incident-action", "per-page=abc&filter[nope]=1&sort=-nope"),
        "per-page",
        "filter[nope]",
        "sort");
    assertFields(writer.indexQuery("incident-action", "page=0"), "page");
  }

  @Test
  void aFilterArrayOfMoreThanAThousandValuesIsRefused() {
    var values = Json.createArrayBuilder();
    for (int i = 0; i < 1001; i++) {
      values.add(String.format("00000000-0000-4000-8000-%012d", i));
    }
    assertFields(
        writer.index(
            "incident-action",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("entity_id", values))
                .build()),
        "filter[entity_id]");
  }

  // --- create, retries, validation ------------------------------------------------------------

  @Test
  void createAnswers201WithLocationEtagAndTheStoredItem() {
    JsonObject body =
        TestData.link(P1, O1, incident1, actions.get(3))
            .add("description", "Audit after the collision")
            .build();
    Reply reply = writer.create("incident-action", body);
    assertEquals(201, reply.status(), reply.body());
    String id = reply.json().getString("office_incident_action_id");
    assertTrue(reply.header("Location").orElseThrow().endsWith("/v2/incident-action/view/" + id));
    assertTrue(reply.header("ETag").isPresent());
    assertEquals("Audit 100%_done", reply.json().getString("action_name"));
    Reply view = writer.view("incident-action", id);
    assertEquals(200, view.status());
    assertEquals(reply.json(), view.json());
    assertEquals(reply.header("ETag"), view.header("ETag"));
    assertEquals(204, writer.delete("incident-action", id, "true").status());
  }

  @Test
  void aRetriedCreateWithTheSameIdAndContentAnswers200AndStoresNothingNew() {
    String id = "44444444-4444-4444-8444-444444444444";
    JsonObject body =
        TestData.link(P1, O1B, incident2, actions.get(1))
            .add("office_incident_action_id", id)
            .build();
    Reply first = writer.create("incident-action", body);
    assertEquals(201, first.status(), first.body());
    long count = total(writer, "incident-action");
    Reply retry = writer.create("incident-action", body);
    assertEquals(200, retry.status(), retry.body());
    assertEquals(first.json(), retry.json());
    assertEquals(count, total(writer, "incident-action"));

    Reply different =
        writer.create(
            "incident-action",
            Json.createObjectBuilder(body).add("description", "changed").build());
    assertEquals(409, different.status(), different.body());
    assertErrorBody(different, 409, "Conflict");
    assertEquals(JsonValue.NULL, writer.view("incident-action", id).json().get("description"));
    assertEquals(204, writer.delete("incident-action", id, "true").status());
  }

  @Test
  void formEncodedCreateWorksWithTheSameFieldNames() {
    String body =
        ApiClient.form(
            Map.of(
                "office_incident_id",
                incident2,
                "entity_type",
                "ACTION",
                "entity_id",
                actions.get(2),
                "subtenant_id",
                O1B,
                "tenant_id",
                P1,
                "description",
                "by form"));
    Reply reply =
        writer.send(
            "POST",
            "v2/incident-action/create",
            body,
            "application/x-www-form-urlencoded",
            Map.of());
    assertEquals(201, reply.status(), reply.body());
    assertEquals("by form", reply.json().getString("description"));
    assertEquals(
        204,
        writer
            .delete("incident-action", reply.json().getString("office_incident_action_id"), "true")
            .status());
  }

  @Test
  void readOnlyFieldsInACreateAreIgnored() {
    JsonObject body =
        TestData.link(P1, O1B, incident2, actions.get(3))
            .add("action_name", "forged")
            .add("project_name", "forged")
            .add("created_at", "2000-01-01T00:00:00Z")
            .build();
    Reply reply = writer.create("incident-action", body);
    assertEquals(201, reply.status(), reply.body());
    assertEquals("Audit 100%_done", reply.json().getString("action_name"));
    assertEquals("Alpha Safety", reply.json().getString("project_name"));
    assertNotEquals("2000-01-01T00:00:00Z", reply.json().getString("created_at"));
    assertEquals(
        204,
        writer
            .delete("incident-action", reply.json().getString("office_incident_action_id"), "true")
            .status());
  }

  @Test
  void invalidCreatesAre422ListingEveryFieldAndStoreNothing() {
    long before = total(admin, "incident-action");
    assertFields(
        writer.create("incident-action", Json.createObjectBuilder().build()),
        "office_incident_id",
        "entity_type",
        "entity_id",
        "subtenant_id",
        "tenant_id");
    assertFields(
        writer.create(
            "incident-action",
            TestData.link(P1, O1, incident1, actions.get(3)).add("entity_type", "TASK").build()),
        "entity_type");
    assertFields(
        writer.create(
            "incident-action",
            TestData.link(P1, O1, incident1, actions.get(3))
                .add("description", "x".repeat(4001))
                .build()),
        "description");
    assertFields(
        writer.create("incident-action", TestData.link(P1, O1, "nope", "12345").build()),
        "office_incident_id",
        "entity_id");
    assertFields(
        writer.create(
            "incident-action",
            TestData.link(P1, O1, incident1, actions.get(3)).add("surprise", 1).build()),
        "surprise");
    assertFields(
        writer.create(
            "incident-action",
            TestData.link(P1, O1, incident1, actions.get(3)).add("description", 42).build()),
        "description");
    assertFields(
        writer.create(
            "incident-action",
            TestData.link(P1, O1, "99999999-9999-4999-8999-999999999999", actions.get(3)).build()),
        "office_incident_id");
    assertFields(
        writer.create(
            "incident-action", TestData.link(P1, O1, otherIncident, actions.get(3)).build()),
        "office_incident_id");
    assertFields(
        writer.create("incident-action", TestData.link(P1, O1, incident1, otherAction).build()),
        "entity_id");
    assertFields(
        writer.create("incident-action", TestData.link(P1, O1B, incident1, actions.get(3)).build()),
        "subtenant_id");
    assertFields(
        writer.create("incident-action", TestData.link(P1, O1, incident1, actions.get(0)).build()),
        "entity_id");
    assertEquals(before, total(admin, "incident-action"));
  }

  @Test
  void aCreateNamingATenantTheCallerLacksIs403() {
    long before = total(admin, "incident-action");
    Reply reply =
        writer.create("incident-action", TestData.link(P2, O2, otherIncident, otherAction).build());
    assertEquals(403, reply.status(), reply.body());
    assertErrorBody(reply, 403, "Forbidden");
    assertEquals(before, total(admin, "incident-action"));
  }

  // --- read, update, delete -------------------------------------------------------------------

  @Test
  void viewTakesTheIdInThePathOrTheQueryAndHidesOtherTenants() {
    String link = anyLink(incident1);
    Reply byPath = writer.view("incident-action", link);
    Reply byQuery = writer.get("v2/incident-action/view?id=" + link);
    assertEquals(200, byPath.status());
    assertEquals(byPath.json(), byQuery.json());
    Reply hidden = other.view("incident-action", link);
    Reply missing = other.view("incident-action", "99999999-9999-4999-8999-999999999999");
    assertEquals(404, hidden.status());
    assertEquals(404, missing.status());
    assertErrorBody(hidden, 404, "Not Found");
    assertEquals(hidden.json().getString("name"), missing.json().getString("name"));
    assertEquals(404, writer.view("incident-action", "not-a-uuid").status());
  }

  @Test
  void otherTenantsNeverAppearInAnIndexEvenThroughJoinedFilters() {
    assertEquals(0, searchLinks(Json.createObjectBuilder().add("project_name", "Beta")).size());
    assertEquals(
        0, searchLinks(Json.createObjectBuilder().add("office_incident_id", otherIncident)).size());
    assertEquals(1, other.index("incident-action", JsonValue.EMPTY_JSON_OBJECT).array().size());
    assertEquals(5, total(admin, "incident-action"));
  }

  @Test
  void everyVerbOnAnotherTenantsItemIs404() {
    String link = anyLink(incident1);
    assertEquals(404, other.view("incident-action", link).status());
    assertEquals(
        404,
        other
            .update(
                "incident-action", link, Json.createObjectBuilder().add("description", "x").build())
            .status());
    assertEquals(404, other.delete("incident-action", link, null).status());
    assertEquals(404, other.delete("incident-action", link, "true").status());
    assertEquals(200, writer.view("incident-action", link).status());
  }

  @Test
  void updateChangesTheItemAndHonoursIfMatch() {
    String link = anyLink(incident1);
    Reply before = writer.view("incident-action", link);
    String etag = before.header("ETag").orElseThrow();
    Reply updated =
        writer.update(
            "incident-action",
            link,
            Json.createObjectBuilder().add("description", "updated once").build(),
            etag);
    assertEquals(200, updated.status(), updated.body());
    assertEquals("updated once", updated.json().getString("description"));
    assertNotEquals(etag, updated.header("ETag").orElseThrow());

    Reply stale =
        writer.update(
            "incident-action",
            link,
            Json.createObjectBuilder().add("description", "lost").build(),
            etag);
    assertEquals(412, stale.status(), stale.body());
    assertErrorBody(stale, 412, "Precondition Failed");
    assertEquals(
        "updated once", writer.view("incident-action", link).json().getString("description"));

    Reply staleDelete =
        writer.send(
            "DELETE",
            "v2/incident-action/delete/" + link + "?force=true",
            null,
            "application/json",
            Map.of("If-Match", etag));
    assertEquals(412, staleDelete.status());
    assertEquals(200, writer.view("incident-action", link).status());
  }

  @Test
  void updateRefusesBadValuesAndChangesNothing() {
    String link = anyLink(incident1);
    JsonObject before = writer.view("incident-action", link).json();
    assertFields(
        writer.update(
            "incident-action",
            link,
            Json.createObjectBuilder()
                .add("entity_type", "TASK")
                .add("description", "y".repeat(4001))
                .build()),
        "entity_type",
        "description");
    assertFields(
        writer.update(
            "incident-action",
            link,
            Json.createObjectBuilder()
                .add("office_incident_action_id", "44444444-4444-4444-8444-000000000000")
                .build()),
        "office_incident_action_id");
    assertEquals(
        403,
        writer
            .update(
                "incident-action", link, Json.createObjectBuilder().add("tenant_id", P2).build())
            .status());
    assertEquals(before, writer.view("incident-action", link).json());
  }

  @Test
  void actionTypeCannotChangeAfterCreation() {
    String action = actions.get(0);
    Reply reply =
        writer.update(
            "action", action, Json.createObjectBuilder().add("action_type", "PER").build());
    assertFields(reply, "action_type");
    assertEquals("TRAINING", writer.view("action", action).json().getString("action_type"));
    Reply same =
        writer.update(
            "action",
            action,
            Json.createObjectBuilder()
                .add("action_type", "TRAINING")
                .add("description", "same type")
                .build());
    assertEquals(200, same.status(), same.body());
  }

  @Test
  void deleteWithoutForcePreviewsAndDeletesNothing() {
    Reply preview = writer.delete("incident", incident1, null);
    assertEquals(200, preview.status(), preview.body());
    JsonObject body = preview.json();
    assertFalse(body.getBoolean("deleted"));
    assertEquals("incident", body.getJsonObject("entity").getString("type"));
    assertEquals(incident1, body.getJsonObject("entity").getString("id"));
    assertEquals(1, body.getJsonObject("counts").getInt("incident"));
    long links =
        searchLinks(Json.createObjectBuilder().add("office_incident_id", incident1)).size();
    assertEquals(links, body.getJsonObject("counts").getInt("incident-action"));
    assertEquals(1 + links, body.getJsonArray("affected").size());
    assertEquals(
        "INC-1 Forklift collision",
        body.getJsonArray("affected").getJsonObject(0).getString("label"));
    assertEquals(preview.body(), writer.delete("incident", incident1, "false").body());
    assertFields(writer.delete("incident", incident1, "yes"), "force");
    assertEquals(200, writer.view("incident", incident1).status());
  }

  @Test
  void forcedDeleteOfAnActionDeletesItsLinks() {
    String action =
        id(
            created(
                writer.create(
                    "action", TestData.action(P1, O1, "PER", "ACT-5", "Gloves").build())));
    String link =
        id(
            created(
                writer.create(
                    "incident-action", TestData.link(P1, O1B, incident2, action).build())));
    assertEquals(204, writer.delete("action", action, "true").status());
    assertEquals(404, writer.view("action", action).status());
    assertEquals(404, writer.view("incident-action", link).status());
  }

  @Test
  void forcedDeleteOfAProjectDeletesEverythingInIt() {
    String project = "55555555-5555-4555-8555-555555555555";
    String office = "56555555-5555-4555-8555-555555555555";
    created(admin.create("project", TestData.project(project, "Gamma").build()));
    created(admin.create("office", TestData.office(office, project, "Gamma office")));
    String incident =
        id(
            created(
                admin.create(
                    "incident",
                    TestData.incident(project, office, "G-1", "Gamma incident").build())));
    String action =
        id(
            created(
                admin.create(
                    "action",
                    TestData.action(project, office, "CHECK", "G-A", "Gamma check").build())));
    created(
        admin.create("incident-action", TestData.link(project, office, incident, action).build()));
    JsonObject preview = admin.delete("project", project, null).json();
    assertEquals(
        Json.createObjectBuilder()
            .add("project", 1)
            .add("incident-action", 1)
            .add("office", 1)
            .add("incident", 1)
            .add("action", 1)
            .build()
            .keySet(),
        preview.getJsonObject("counts").keySet());
    assertEquals(5, preview.getJsonArray("affected").size());
    assertEquals(204, admin.delete("project", project, "true").status());
    for (String[] gone :
        new String[][] {
          {"project", project}, {"office", office}, {"incident", incident}, {"action", action}
        }) {
      assertEquals(404, admin.view(gone[0], gone[1]).status(), gone[0]);
    }
  }

  // --- incidents, actions, projects, offices ---------------------------------------------------

  @Test
  void incidentsGoThroughEveryVerb() {
    JsonObject body =
        TestData.incident(P1, O1B, "INC-7", "Chemical splash")
            .add("category", "ACCIDENTS_AND_MISSED_INJURIES")
            .add("description_event", "A drum leaked")
            .add("description_actions_involved", "Area closed")
            .add("deponent", "M. Rossi")
            .build();
    Reply created = writer.create("incident", body);
    assertEquals(201, created.status(), created.body());
    JsonObject item = created.json();
    String id = item.getString("office_incident_id");
    assertEquals("new", item.getString("status"));
    assertEquals("South depot", item.getString("office_name"));
    assertEquals("Alpha Safety", item.getString("project_name"));
    assertEquals("safety", item.getString("project_type"));
    assertEquals(JsonValue.NULL, item.get("date_closed"));
    assertTrue(created.header("Location").orElseThrow().endsWith("/v2/incident/view/" + id));

    String form = ApiClient.form(Map.of("status", "closed", "date_closed", "2026-11-28"));
    Reply updated =
        writer.send(
            "PUT",
            "v2/incident/update?id=" + id,
            form,
            "application/x-www-form-urlencoded",
            Map.of());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("closed", updated.json().getString("status"));
    assertEquals("2026-11-28", updated.json().getString("date_closed"));
    assertEquals("Chemical splash", updated.json().getString("name"));

    JsonArray closed =
        writer
            .index(
                "incident",
                Json.createObjectBuilder()
                    .add(
                        "filter",
                        Json.createObjectBuilder().add("status", "closed").add("name", "SPLASH"))
                    .build())
            .array();
    assertEquals(List.of(id), strings(closed, "office_incident_id"));
    Reply sorted =
        writer.indexQuery("incident", "sort=-date_incident,code&filter[tenant_id]=" + P1);
    assertEquals(200, sorted.status(), sorted.body());
    assertTrue(strings(sorted.array(), "code").containsAll(List.of("INC-1", "INC-2", "INC-7")));

    assertEquals(
        200,
        writer
            .send("DELETE", "v2/incident/delete?id=" + id, null, "application/json", Map.of())
            .status());
    assertEquals(
        204,
        writer
            .send(
                "DELETE",
                "v2/incident/delete?id=" + id + "&force=true",
                null,
                "application/json",
                Map.of())
            .status());
    assertEquals(404, writer.get("v2/incident/view?id=" + id).status());
  }

  @Test
  void incidentValidationNamesEveryField() {
    long before = total(admin, "incident");
    assertFields(
        writer.create(
            "incident",
            Json.createObjectBuilder()
                .add("category", "FIRE")
                .add("status", "done")
                .add("date_closed", "yesterday")
                .build()),
        "name",
        "date_incident",
        "category",
        "status",
        "date_closed",
        "subtenant_id",
        "tenant_id");
    assertFields(
        writer.create("incident", TestData.incident(P1, O2, "X", "Wrong office").build()),
        "subtenant_id");
    assertFields(
        writer.create("incident", TestData.incident(P1, O1, "X", "x".repeat(256)).build()), "name");
    assertFields(
        writer.create(
            "incident",
            TestData.incident(P1, O1, "X", "Long")
                .add("description_event", "e".repeat(4001))
                .build()),
        "description_event");
    assertEquals(
        403,
        writer.create("incident", TestData.incident(P2, O2, "X", "Not mine").build()).status());
    assertEquals(before, total(admin, "incident"));
    assertEquals(
        403,
        writer
            .update("incident", incident2, Json.createObjectBuilder().add("tenant_id", P2).build())
            .status());
    assertFields(
        admin.update(
            "incident",
            incident2,
            Json.createObjectBuilder().add("tenant_id", P2).add("subtenant_id", O2).build()),
        "tenant_id",
        "subtenant_id");
    assertFields(
        writer.update(
            "incident", incident2, Json.createObjectBuilder().add("name", JsonValue.NULL).build()),
        "name");
    assertEquals("Slippery floor", writer.view("incident", incident2).json().getString("name"));
  }

  @Test
  void projectsAndOfficesAreAdministeredByAdmins() {
    Reply renamed =
        admin.update(
            "project",
            P1,
            Json.createObjectBuilder()
                .add("name", "Alpha Safety")
                .add("project_type", "safety")
                .build());
    assertEquals(200, renamed.status(), renamed.body());
    assertFields(
        admin.update(
            "project", P1, Json.createObjectBuilder().add("project_type", "other").build()),
        "project_type");
    assertFields(
        admin.create(
            "office",
            TestData.office(
                "57555555-5555-4555-8555-555555555555",
                "99999999-9999-4999-8999-999999999999",
                "Ghost")),
        "project_id");
    assertFields(
        admin.update("office", O1, Json.createObjectBuilder().add("project_id", P2).build()),
        "project_id");
    assertEquals(404, reader.view("project", P2).status());
    assertEquals(200, reader.view("project", P1).status());
    assertEquals(404, reader.view("office", O2).status());
    assertEquals(
        403,
        writer
            .update("office", O1, Json.createObjectBuilder().add("name", "Renamed").build())
            .status());
    assertEquals("North plant", admin.view("office", O1).json().getString("name"));
  }

  @Test
  void everyResourceAnswersPagingAndLinkHeadersOnItsGetIndex() {
    for (String resource : List.of("incident-action", "incident", "action", "project", "office")) {
      Reply reply = admin.indexQuery(resource, "per-page=1");
      assertEquals(200, reply.status(), resource + " " + reply.body());
      assertEquals("1", reply.header("X-Pagination-Per-Page").orElseThrow(), resource);
      assertTrue(reply.header("X-Pagination-Total-Count").isPresent(), resource);
      assertTrue(linkHeader(reply).contains("rel=\"first\""), resource);
      assertEquals(1, reply.array().size(), resource);
    }
  }

  // --- tenancy resources and roles -------------------------------------------------------------

  @Test
  void onlyAdminsWriteProjectsAndOffices() {
    assertEquals(
        403,
        writer
            .create(
                "project", TestData.project("66666666-6666-4666-8666-666666666666", "Mine").build())
            .status());
    assertEquals(
        403,
        writer
            .create("office", TestData.office("66666666-6666-4666-8666-777777777777", P1, "Mine"))
            .status());
    assertEquals(404, admin.view("project", "66666666-6666-4666-8666-666666666666").status());
    assertEquals(
        List.of("Alpha Safety"),
        strings(reader.index("project", JsonValue.EMPTY_JSON_OBJECT).array(), "name"));
    assertEquals(
        Set.of(O1, O1B),
        Set.copyOf(
            strings(reader.index("office", JsonValue.EMPTY_JSON_OBJECT).array(), "office_id")));
  }

  @Test
  void readersReadButNeverWrite() {
    assertEquals(200, reader.index("incident-action", JsonValue.EMPTY_JSON_OBJECT).status());
    Reply create =
        reader.create("incident-action", TestData.link(P1, O1, incident1, actions.get(3)).build());
    assertEquals(403, create.status());
    assertErrorBody(create, 403, "Forbidden");
    assertEquals(403, reader.delete("incident", incident1, "true").status());
    assertEquals(403, norole.index("incident-action", JsonValue.EMPTY_JSON_OBJECT).status());
  }

  // --- protocol errors --------------------------------------------------------------------------

  @Test
  void malformedBodiesAre400() {
    Reply notJson = writer.post("v2/incident-action/create", "{\"office_incident_id\": ");
    assertEquals(400, notJson.status());
    assertErrorBody(notJson, 400, "Bad Request");
    Reply array = writer.post("v2/incident-action/index", "[1, 2]");
    assertEquals(400, array.status());
    assertErrorBody(array, 400, "Bad Request");
  }

  @Test
  void otherMediaTypesAre415AndWrongMethodsAre405() {
    Reply text = writer.send("POST", "v2/incident-action/create", "hello", "text/plain", Map.of());
    assertEquals(415, text.status());
    assertErrorBody(text, 415, "Unsupported Media Type");
    Reply method =
        writer.send("GET", "v2/incident-action/create", null, "application/json", Map.of());
    assertEquals(405, method.status());
    assertErrorBody(method, 405, "Method Not Allowed");
    assertEquals(
        405,
        writer
            .send("PUT", "v2/incident-action/index", "{}", "application/json", Map.of())
            .status());
    assertEquals(
        405,
        writer
            .send(
                "DELETE",
                "v2/incident-action/view/" + incident1,
                null,
                "application/json",
                Map.of())
            .status());
    Reply unknown = writer.get("v2/nothing/here");
    assertEquals(404, unknown.status());
    assertErrorBody(unknown, 404, "Not Found");
  }

  @Test
  void bodiesOverTheLimitAre413() {
    long before = total(admin, "incident-action");
    String huge =
        TestData.link(P1, O1, incident1, actions.get(3))
            .add("description", "z".repeat(1_100_000))
            .build()
            .toString();
    Reply reply = writer.post("v2/incident-action/create", huge);
    assertEquals(413, reply.status());
    assertErrorBody(reply, 413, "Request Entity Too Large");
    assertEquals(before, total(admin, "incident-action"));
  }

  @Test
  void missingAndBadTokensAre401WithAChallenge() {
    for (ApiClient caller : List.of(anonymous, anonymous.as("garbage"), anonymous.as("a.b.c"))) {
      Reply reply = caller.index("incident-action", JsonValue.EMPTY_JSON_OBJECT);
      assertEquals(401, reply.status(), reply.body());
      assertTrue(reply.header("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
      assertErrorBody(reply, 401, "Unauthorized");
    }
  }

  @Test
  void theTokenMayComeAsTheAccessTokenQueryParameter() throws Exception {
    String token = ApiClient.login(url.toURI(), "reader", TestData.password("reader"));
    Reply reply = anonymous.get("v2/incident-action/index?access-token=" + token + "&per-page=1");
    assertEquals(200, reply.status(), reply.body());
    assertFalse(linkHeader(reply).contains(token), "the token is echoed in the Link header");
    assertTrue(linkHeader(reply).contains("per-page=1"));
    assertPaging(reply, 1, total(reader, "incident-action"), 1, total(reader, "incident-action"));
    Reply garbage = anonymous.get("v2/incident-action/index?access-token=garbage");
    assertEquals(401, garbage.status());
    assertErrorBody(garbage, 401, "Unauthorized");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static JsonArray searchLinks(jakarta.json.JsonObjectBuilder filter) {
    Reply reply =
        writer.index("incident-action", Json.createObjectBuilder().add("filter", filter).build());
    assertEquals(200, reply.status(), reply.body());
    return reply.array();
  }

  private static JsonArray searchActions(jakarta.json.JsonObjectBuilder filter) {
    Reply reply = writer.index("action", Json.createObjectBuilder().add("filter", filter).build());
    assertEquals(200, reply.status(), reply.body());
    return reply.array();
  }

  private static String anyLink(String incident) {
    return searchLinks(Json.createObjectBuilder().add("office_incident_id", incident))
        .getJsonObject(0)
        .getString("office_incident_action_id");
  }

  private static String linkHeader(Reply reply) {
    return reply.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Link"))
        .flatMap(e -> e.getValue().stream())
        .collect(Collectors.joining(","));
  }

  private static void assertPaging(
      Reply reply, long page, long pageCount, long perPage, long total) {
    assertEquals(String.valueOf(page), reply.header("X-Pagination-Current-Page").orElseThrow());
    assertEquals(String.valueOf(pageCount), reply.header("X-Pagination-Page-Count").orElseThrow());
    assertEquals(String.valueOf(perPage), reply.header("X-Pagination-Per-Page").orElseThrow());
    assertEquals(String.valueOf(total), reply.header("X-Pagination-Total-Count").orElseThrow());
  }
}
