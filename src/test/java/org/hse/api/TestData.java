package org.hse.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The test tenants and users of {@code src/test/resources/test-users.json} (test-only passwords),
 * and builders for request bodies.
 */
public final class TestData {

  public static final String P1 = "11111111-1111-4111-8111-111111111111";
  public static final String P2 = "22222222-2222-4222-8222-222222222222";

  /** The writable fields of an incident-action, as the contract names them. */
  public static final List<String> INCIDENT_ACTION_WRITABLE =
      List.of(
          "office_incident_action_id",
          "office_incident_id",
          "entity_type",
          "entity_id",
          "description",
          "subtenant_id",
          "tenant_id");

  /** The read-only fields joined into every incident-action, as the contract names them. */
  public static final List<String> INCIDENT_ACTION_READ_ONLY =
      List.of(
          "action_code",
          "action_name",
          "action_type",
          "incident_code",
          "incident_name",
          "incident_date",
          "incident_category",
          "incident_status",
          "project_name",
          "project_type",
          "office_name",
          "created_at",
          "updated_at");

  /** The incident categories, as the contract names them. */
  public static final List<String> INCIDENT_CATEGORIES =
      List.of(
          "NON_COMPLIANCE",
          "ACCIDENTS",
          "ACCIDENTS_AND_MISSED_INJURIES",
          "REPORT_MALFUNCTION",
          "REPORT_FAILURE",
          "REQUEST_INSPECTION",
          "REQUEST_MAINTENANCE",
          "REQUEST_REPLACEMENT",
          "REQUEST_INTERVENTION");

  private TestData() {}

  public static String password(String user) {
    return "test-pass-" + user;
  }

  public static JsonObjectBuilder project(String id, String name) {
    return Json.createObjectBuilder().add("project_id", id).add("name", name);
  }

  public static JsonObject office(String id, String project, String name) {
    return Json.createObjectBuilder()
        .add("office_id", id)
        .add("project_id", project)
        .add("name", name)
        .build();
  }

  public static JsonObjectBuilder incident(
      String project, String office, String code, String name) {
    return Json.createObjectBuilder()
        .add("code", code)
        .add("name", name)
        .add("date_incident", "2026-11-20")
        .add("category", "ACCIDENTS")
        .add("subtenant_id", office)
        .add("tenant_id", project);
  }

  public static JsonObjectBuilder action(
      String project, String office, String type, String code, String name) {
    return Json.createObjectBuilder()
        .add("action_type", type)
        .add("code", code)
        .add("name", name)
        .add("subtenant_id", office)
        .add("tenant_id", project);
  }

  public static JsonObjectBuilder link(
      String project, String office, String incident, String action) {
    return Json.createObjectBuilder()
        .add("office_incident_id", incident)
        .add("entity_type", "ACTION")
        .add("entity_id", action)
        .add("subtenant_id", office)
        .add("tenant_id", project);
  }
}
