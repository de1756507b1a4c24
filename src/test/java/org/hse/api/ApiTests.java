package org.hse.api;

import static org.hse.api.ApiAssertions.total;
import static org.hse.api.TestData.P1;
import static org.hse.api.TestData.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.util.List;
import java.util.stream.Collectors;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The world of the v2 API tests ({@link ApiSearchIT}, {@link ApiWriteIT}, {@link ApiResourcesIT},
 * {@link ApiProtocolIT}), once one class: two tenants P1 and P2 with offices, incidents, actions
 * and links, built once on the {@link SharedServer} by the first of them and read by all, and the
 * helpers they share. The tenants are theirs alone on that server; every test leaves the world as
 * it found it, so the classes and their tests may run in any order.
 */
@ExtendWith(SharedServer.class)
abstract class ApiTests {

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

  static TestWorld world;

  /** The callers, renewed when their tokens grow old; the world, built by the first test. */
  @BeforeEach
  void world() {
    if (world == null || !world.anonymous().base().equals(SharedServer.base())) {
      world = TestWorld.shared();
      actions = null;
    }
    anonymous = world.anonymous();
    admin = world.as("admin");
    writer = world.as("writer");
    reader = world.as("reader");
    other = world.as("other");
    norole = world.as("norole");
    if (actions != null) {
      return;
    }
    world.project(admin, TestData.project(P1, "Alpha Safety"));
    world.project(admin, TestData.project(P2, "Beta Works").add("project_type", "template"));
    world.office(admin, O1, P1, "North plant");
    world.office(admin, O1B, P1, "South depot");
    world.office(admin, O2, P2, "Beta site");
    incident1 =
        world.create(writer, "incident", TestData.incident(P1, O1, "INC-1", "Forklift collision"));
    incident2 =
        world.create(writer, "incident", TestData.incident(P1, O1B, "INC-2", "Slippery floor"));
    otherIncident =
        world.create(other, "incident", TestData.incident(P2, O2, "INC-9", "Beta spill"));
    otherAction =
        world.create(other, "action", TestData.action(P2, O2, "PER", "ACT-99", "Beta gloves"));
    List<String> made =
        List.of(
            world.create(
                writer,
                "action",
                TestData.action(P1, O1, "TRAINING", "ACT-1", "Zebra crossing drill")),
            world.create(
                writer, "action", TestData.action(P1, O1, "MAINTENANCE", "ACT-2", "brake check")),
            world.create(
                writer, "action", TestData.action(P1, O1, "HEALTH", "ACT-3", "Medical visit")),
            world.create(
                writer, "action", TestData.action(P1, O1, "CHECK", "ACT-4", "Audit 100%_done")));
    for (String action : made.subList(0, 3)) {
      world.create(
          writer,
          "incident-action",
          TestData.link(P1, O1, incident1, action).add("description", "linked " + action));
    }
    world.create(writer, "incident-action", TestData.link(P1, O1B, incident2, made.get(0)));
    world.create(other, "incident-action", TestData.link(P2, O2, otherIncident, otherAction));
    actions = made;
  }

  // --- helpers ----------------------------------------------------------------------------------

  static JsonArray searchLinks(jakarta.json.JsonObjectBuilder filter) {
    Reply reply =
        writer.index("incident-action", Json.createObjectBuilder().add("filter", filter).build());
    assertEquals(200, reply.status(), reply.body());
    return reply.array();
  }

  static JsonArray searchActions(jakarta.json.JsonObjectBuilder filter) {
    Reply reply = writer.index("action", Json.createObjectBuilder().add("filter", filter).build());
    assertEquals(200, reply.status(), reply.body());
    return reply.array();
  }

  static String anyLink(String incident) {
    return searchLinks(Json.createObjectBuilder().add("office_incident_id", incident))
        .getJsonObject(0)
        .getString("office_incident_action_id");
  }

  static String linkHeader(Reply reply) {
    return reply.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Link"))
        .flatMap(e -> e.getValue().stream())
        .collect(Collectors.joining(","));
  }

  static void assertPaging(Reply reply, long page, long pageCount, long perPage, long total) {
    assertEquals(String.valueOf(page), reply.header("X-Pagination-Current-Page").orElseThrow());
    assertEquals(String.valueOf(pageCount), reply.header("X-Pagination-Page-Count").orElseThrow());
    assertEquals(String.valueOf(perPage), reply.header("X-Pagination-Per-Page").orElseThrow());
    assertEquals(String.valueOf(total), reply.header("X-Pagination-Total-Count").orElseThrow());
  }
}
