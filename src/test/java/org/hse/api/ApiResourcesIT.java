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
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Incidents, actions, projects and offices through every verb as a client sees them, on the
 * packaged WAR, and what roles allow on them. The world is {@link ApiTests}'s, on the {@link
 * SharedServer}.
 */
class ApiResourcesIT extends ApiTests {

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
    assertEquals(
        "Your role may not change incident-action items.", create.json().getString("message"));
    assertEquals(403, reader.delete("incident", incident1, "true").status());
    assertEquals(403, reader.delete("incident", incident1, "false").status(), "the preview");
    assertEquals(200, admin.view("incident", incident1).status());
    Reply roleless = norole.index("incident-action", JsonValue.EMPTY_JSON_OBJECT);
    assertErrorBody(roleless, 403, "Forbidden");
    assertEquals(
        "Your role may not read incident-action items.", roleless.json().getString("message"));
    assertEquals(403, norole.view("incident", incident1).status());
  }
}
