package org.hse.api;

import static org.hse.api.ApiAssertions.assertErrorBody;
import static org.hse.api.ApiAssertions.assertFields;
import static org.hse.api.ApiAssertions.created;
import static org.hse.api.ApiAssertions.id;
import static org.hse.api.ApiAssertions.total;
import static org.hse.api.ApiAssertions.totalIn;
import static org.hse.api.TestData.P1;
import static org.hse.api.TestData.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * The v2 API's writes as a client sees them, on the packaged WAR: create, retries, validation,
 * view, update with If-Match, delete previews and forced deletes, and other tenants' items. The
 * world is {@link ApiTests}'s, on the {@link SharedServer}.
 */
class ApiWriteIT extends ApiTests {

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
    assertEquals(5, totalIn(admin, "incident-action", P1, P2));
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
}
