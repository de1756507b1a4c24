package org.hse.api;

import static org.hse.api.ApiAssertions.assertErrorBody;
import static org.hse.api.ApiAssertions.created;
import static org.hse.api.ApiAssertions.id;
import static org.hse.api.TestData.P1;
import static org.hse.api.TestData.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
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
 * An item's history as a client sees it: {@code GET /v2/<r>/history/{id}} after every verb, paged,
 * after a delete, scoped to the caller's tenants; and the identity rules of deleted items.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryApiIT {

  static final String O1 = "31111111-1111-4111-8111-111111111111";
  static final String O2 = "32222222-2222-4222-8222-222222222222";

  static ApiClient admin;
  static ApiClient writer;
  static ApiClient reader;
  static ApiClient other;

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
    ApiClient anonymous = new ApiClient(base, null);
    admin = anonymous.as(ApiClient.login(base, "admin", TestData.password("admin")));
    writer = anonymous.as(ApiClient.login(base, "writer", TestData.password("writer")));
    reader = anonymous.as(ApiClient.login(base, "reader", TestData.password("reader")));
    other = anonymous.as(ApiClient.login(base, "other", TestData.password("other")));
    created(admin.create("project", TestData.project(P1, "Alpha Safety").build()));
    created(admin.create("project", TestData.project(P2, "Beta Works").build()));
    created(admin.create("office", TestData.office(O1, P1, "North plant")));
    created(admin.create("office", TestData.office(O2, P2, "Beta site")));
  }

  @Test
  void everyVerbLeavesItsEntryAndTheHistoryAnswersAfterTheDelete() {
    String incident = incident("INC-1", "Forklift collision");
    String action = action("ACT-1", "Drill");
    Reply create =
        created(writer.create("incident-action", TestData.link(P1, O1, incident, action).build()));
    String link = id(create);
    Reply update =
        writer.update(
            "incident-action", link, Json.createObjectBuilder().add("description", "why").build());
    assertEquals(200, update.status(), update.toString());
    Reply same =
        writer.update(
            "incident-action", link, Json.createObjectBuilder().add("description", "why").build());
    assertEquals(200, same.status(), same.toString());
    assertEquals(update.json(), same.json(), "an update that changes nothing");
    Reply viewed = writer.view("incident-action", link);
    assertEquals(204, writer.delete("incident-action", link, "true").status());
    assertEquals(404, writer.view("incident-action", link).status());

    Reply history = reader.get("v2/incident-action/history/" + link);
    assertEquals(200, history.status(), history.toString());
    assertEquals("3", history.header("X-Pagination-Total-Count").orElseThrow());
    JsonArray entries = history.array();
    assertEquals(3, entries.size());
    assertEntry(entries.getJsonObject(0), 1, "create", create.json());
    assertEntry(entries.getJsonObject(1), 2, "update", update.json());
    assertEntry(entries.getJsonObject(2), 3, "delete", viewed.json());
    assertTrue(
        entries
            .getJsonObject(0)
            .getString("at")
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
        entries.getJsonObject(0).toString());

    Reply byQuery = reader.get("v2/incident-action/history?id=" + link + "&per-page=1&page=2");
    assertEquals(200, byQuery.status(), byQuery.toString());
    assertEquals(1, byQuery.array().size());
    assertEquals("update", byQuery.array().getJsonObject(0).getString("operation"));
    assertEquals("2", byQuery.header("X-Pagination-Current-Page").orElseThrow());
    assertEquals("3", byQuery.header("X-Pagination-Page-Count").orElseThrow());
    assertEquals("1", byQuery.header("X-Pagination-Per-Page").orElseThrow());
    assertEquals("3", byQuery.header("X-Pagination-Total-Count").orElseThrow());
    Reply past = reader.get("v2/incident-action/history/" + link + "?page=9");
    assertEquals(200, past.status());
    assertEquals("[]", past.body());
    assertEquals("3", past.header("X-Pagination-Total-Count").orElseThrow());
  }

  @Test
  void aCascadedDeleteLeavesAnEntryForEveryItemItRemoves() {
    String incident = incident("INC-2", "Spill");
    String action = action("ACT-2", "Mop");
    String link =
        id(
            created(
                writer.create("incident-action", TestData.link(P1, O1, incident, action).build())));
    JsonObject linkBefore = writer.view("incident-action", link).json();
    JsonObject actionBefore = writer.view("action", action).json();
    assertEquals(204, writer.delete("action", action, "true").status());
    JsonArray linkHistory = writer.get("v2/incident-action/history/" + link).array();
    assertEntry(linkHistory.getJsonObject(1), 2, "delete", linkBefore);
    JsonArray actionHistory = writer.get("v2/action/history/" + action).array();
    assertEntry(actionHistory.getJsonObject(1), 2, "delete", actionBefore);
    assertEquals(1, writer.get("v2/incident/history/" + incident).array().size());
  }

  @Test
  void tenantsCannotSeeEachOthersHistory() {
    String incident = incident("INC-3", "Secret");
    assertErrorBody(other.get("v2/incident/history/" + incident), 404, "Not Found");
    assertEquals(204, writer.delete("incident", incident, "true").status());
    assertErrorBody(other.get("v2/incident/history/" + incident), 404, "Not Found");
    assertEquals(2, admin.get("v2/incident/history/" + incident).array().size());
    assertErrorBody(other.get("v2/project/history/" + P1), 404, "Not Found");
    assertEquals(200, reader.get("v2/project/history/" + P1).status());
    assertErrorBody(
        reader.get("v2/incident/history/99999999-9999-4999-8999-999999999999"), 404, "Not Found");
    assertErrorBody(reader.get("v2/incident/history/not-a-uuid"), 404, "Not Found");
    Reply unknown = reader.get("v2/incident/history/" + incident + "?sort=name");
    assertEquals(422, unknown.status(), unknown.toString());
  }

  @Test
  void aDeletedIdStaysTakenButADeletedLinkNoLongerBlocksTheSamePair() {
    String incident = incident("INC-4", "Again");
    String action = action("ACT-4", "Again");
    JsonObject link = TestData.link(P1, O1, incident, action).build();
    String first = id(created(writer.create("incident-action", link)));
    assertEquals(422, writer.create("incident-action", link).status(), "the pair is linked");
    assertEquals(204, writer.delete("incident-action", first, "true").status());

    Reply reused =
        writer.create(
            "incident-action",
            Json.createObjectBuilder(link).add("office_incident_action_id", first).build());
    assertErrorBody(reused, 409, "Conflict");
    Reply relinked = created(writer.create("incident-action", link));
    assertTrue(!id(relinked).equals(first));
    assertEquals(1, writer.get("v2/incident-action/history/" + id(relinked)).array().size());
    assertEquals(2, writer.get("v2/incident-action/history/" + first).array().size());
  }

  @Test
  void theFeedIsScopedAndItsCursorsAreChecked() {
    String incident = incident("INC-5", "Fed");
    JsonObject fromStart = writer.get("v2/incident/changes?per-page=1000").json();
    JsonArray changes = fromStart.getJsonArray("changes");
    JsonObject last = changes.getJsonObject(changes.size() - 1);
    assertEquals(incident, last.getString("id"));
    assertEquals("create", last.getString("operation"));
    assertEquals("writer", last.getString("by"));
    assertEquals(writer.view("incident", incident).json(), last.getJsonObject("item"));
    assertEquals(last.getString("cursor"), fromStart.getString("next"));
    Reply empty = writer.get("v2/incident/changes?after=" + fromStart.getString("next"));
    assertEquals(200, empty.status());
    assertEquals(0, empty.json().getJsonArray("changes").size());
    assertEquals(fromStart.getString("next"), empty.json().getString("next"));

    JsonArray strangers =
        other.get("v2/incident/changes?per-page=1000").json().getJsonArray("changes");
    assertTrue(
        strangers.stream().noneMatch(c -> c.asJsonObject().getString("id").equals(incident)),
        "another tenant's changes are not in the feed");
    for (String bad : new String[] {"x", "Zm9v", "", "f1:1.1"}) {
      Reply malformed = writer.get("v2/incident/changes?after=" + bad);
      assertEquals(422, malformed.status(), bad + " " + malformed);
      assertEquals("after", malformed.array().getJsonObject(0).getString("field"));
    }
    assertEquals(422, writer.get("v2/incident/changes?per-page=0").status());
    assertEquals(422, writer.get("v2/incident/changes?page=2").status());
  }

  /**
   * Eight writers create, update and delete incidents, pairs of them racing to create the same id
   * (one of each pair wins, the other's transaction rolls back), while a reader follows the feed.
   * The reader sees every acknowledged change exactly once, nothing else, each item's changes in
   * order, and the same sequence that a reader starting afterwards sees.
   */
  @Test
  void aReaderFollowingTheFeedSeesEveryCommittedChangeOnceWhileEightWritersWrite()
      throws Exception {
    String start = writer.get("v2/incident/changes?per-page=1000").json().getString("next");
    int writers = 8;
    int rounds = 15;
    List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers + 1);
    java.util.concurrent.atomic.AtomicBoolean writing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<String[]> ids = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String[] pairIds = new String[writers / 2];
      for (int pair = 0; pair < pairIds.length; pair++) {
        pairIds[pair] = java.util.UUID.randomUUID().toString();
      }
      ids.add(pairIds);
    }
    java.util.concurrent.Future<List<JsonObject>> reader =
        pool.submit(
            () -> {
              List<JsonObject> seen = new ArrayList<>();
              String after = start;
              int emptyAfterWriting = 0;
              while (emptyAfterWriting < 2) {
                boolean stillWriting = writing.get();
                JsonObject page =
                    writer.get("v2/incident/changes?per-page=7&after=" + after).json();
                JsonArray changes = page.getJsonArray("changes");
                changes.forEach(c -> seen.add(c.asJsonObject()));
                after = page.getString("next");
                if (changes.isEmpty() && !stillWriting) {
                  emptyAfterWriting++;
                }
              }
              return seen;
            });
    List<java.util.concurrent.Future<?>> work = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int me = w;
      work.add(
          pool.submit(
              () -> {
                for (int round = 0; round < rounds; round++) {
                  String id = ids.get(round)[me / 2];
                  Reply create =
                      writer.create(
                          "incident",
                          TestData.incident(P1, O1, "W" + me, "Writer " + me)
                              .add("office_incident_id", id)
                              .build());
                  if (create.status() != 201) {
                    assertEquals(409, create.status(), create.toString());
                    continue;
                  }
                  acknowledged.add(id + " create");
                  Reply update =
                      writer.update(
                          "incident",
                          id,
                          Json.createObjectBuilder().add("name", "Changed " + me).build());
                  assertEquals(200, update.status(), update.toString());
                  acknowledged.add(id + " update");
                  if (round % 3 == 0) {
                    assertEquals(204, writer.delete("incident", id, "true").status());
                    acknowledged.add(id + " delete");
                  }
                }
                return null;
              }));
    }
    for (java.util.concurrent.Future<?> done : work) {
      done.get();
    }
    writing.set(false);
    List<JsonObject> seen = reader.get();
    pool.shutdown();

    List<String> seenChanges =
        seen.stream().map(c -> c.getString("id") + " " + c.getString("operation")).toList();
    assertEquals(
        seen.size(),
        seen.stream().map(c -> c.getString("cursor")).distinct().count(),
        "no change twice");
    assertEquals(
        rounds * writers / 2, acknowledged.stream().filter(a -> a.endsWith("create")).count());
    assertEquals(
        new java.util.TreeMap<>(counts(acknowledged)),
        new java.util.TreeMap<>(counts(seenChanges)),
        "every acknowledged change exactly once, and nothing else");
    for (String[] round : ids) {
      for (String id : round) {
        List<String> order =
            seenChanges.stream().filter(c -> c.startsWith(id)).map(c -> c.substring(37)).toList();
        assertEquals(
            order.contains("delete")
                ? List.of("create", "update", "delete")
                : List.of("create", "update"),
            order,
            id);
      }
    }
    List<JsonObject> again = new ArrayList<>();
    String after = start;
    while (true) {
      JsonObject page = admin.get("v2/incident/changes?per-page=1000&after=" + after).json();
      if (page.getJsonArray("changes").isEmpty()) {
        break;
      }
      page.getJsonArray("changes").forEach(c -> again.add(c.asJsonObject()));
      after = page.getString("next");
    }
    assertEquals(
        seen, again, "a reader starting afterwards sees the same changes in the same order");
  }

  private static java.util.Map<String, Long> counts(List<String> changes) {
    return changes.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
  }

  private static void assertEntry(
      JsonObject entry, long version, String operation, JsonObject item) {
    assertEquals(version, entry.getJsonNumber("version").longValue(), entry.toString());
    assertEquals(operation, entry.getString("operation"));
    assertEquals("writer", entry.getString("by"));
    assertEquals(item, entry.getJsonObject("item"));
  }

  private static String incident(String code, String name) {
    return id(created(writer.create("incident", TestData.incident(P1, O1, code, name).build())));
  }

  private static String action(String code, String name) {
    return id(
        created(writer.create("action", TestData.action(P1, O1, "TRAINING", code, name).build())));
  }
}
