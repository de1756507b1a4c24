package org.hse.api;

import static org.hse.api.ApiAssertions.assertErrorBody;
import static org.hse.api.ApiAssertions.assertFields;
import static org.hse.api.ApiAssertions.created;
import static org.hse.api.ApiAssertions.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An item's history as a client sees it: {@code GET /v2/<r>/history/{id}} after every verb, paged,
 * after a delete, scoped to the caller's tenants; the identity rules of deleted items; and searches
 * with {@code history: true}: deleted items among the live ones, with when and by whom they were
 * deleted, as they were when deleted, filtered, sorted and paged as one list with exact totals,
 * scoped to the caller's tenants, and answers without the flag exactly as before.
 *
 * <p>On the {@link SharedServer}, in tenants of its own: P1 is {@code history-writer}'s and {@code
 * history-reader}'s, P2 {@code history-other}'s, P3 nobody's but the admin's. The classes on that
 * server run one after another, so the admin's feed between two of this class's cursors holds this
 * class's changes alone.
 */
@ExtendWith(SharedServer.class)
class HistoryApiIT {

  static final String P1 = "d1000000-0000-4000-8000-000000000001";
  static final String P2 = "d1000000-0000-4000-8000-000000000002";
  static final String P3 = "d1000000-0000-4000-8000-000000000003";
  static final String O1 = "d2000000-0000-4000-8000-000000000001";
  static final String O2 = "d2000000-0000-4000-8000-000000000002";
  static final String O3 = "d2000000-0000-4000-8000-000000000003";
  static final String WRITER = "history-writer";
  static final String OTHER = "history-other";
  static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

  static ApiClient admin;
  static ApiClient writer;
  static ApiClient reader;
  static ApiClient other;

  /** The incident whose five links are searched, by action name: A, C, E live; B, D deleted. */
  static String searched;

  static final Map<String, String> links = new HashMap<>();

  /** The deleted links as view answered them just before their delete. */
  static final Map<String, JsonObject> before = new HashMap<>();

  /** A link of the other tenant, deleted with its incident. */
  static String strangersLink;

  @BeforeEach
  void world() throws Exception {
    if (admin != null) {
      return;
    }
    TestWorld world = TestWorld.shared();
    admin = world.as("admin");
    writer = world.as(WRITER);
    reader = world.as("history-reader");
    other = world.as(OTHER);
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
    assertEquals(WRITER, last.getString("by"));
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
    long logBefore = SharedServer.logMark();
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
    String racesLogged = SharedServer.logSince(logBefore);
    assertFalse(
        racesLogged.contains("org.eclipse.persistence"),
        "the races' unique-key violations, answered 409, are not logged: " + racesLogged);

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
    assertEquals(WRITER, entry.getString("by"));
    assertEquals(item, entry.getJsonObject("item"));
  }

  private static String incident(String code, String name) {
    return id(created(writer.create("incident", TestData.incident(P1, O1, code, name).build())));
  }

  private static String action(String code, String name) {
    return id(
        created(writer.create("action", TestData.action(P1, O1, "TRAINING", code, name).build())));
  }

  /**
   * For the searches with history: an incident with five links, by action name A, C, E live and B,
   * D deleted (then B's action renamed); and a link of the other tenant, deleted with its incident.
   * Made once, by the first search test.
   */
  private static void searchWorld() {
    if (searched != null) {
      return;
    }
    searched =
        id(
            created(
                writer.create(
                    "incident", TestData.incident(P1, O1, "HS-1", "History incident").build())));
    for (String letter : List.of("Echo", "Bravo", "Delta", "Alpha", "Charlie")) {
      String action =
          id(
              created(
                  writer.create(
                      "action",
                      TestData.action(P1, O1, "TRAINING", "HS-" + letter, "HS " + letter)
                          .build())));
      links.put(
          letter,
          id(
              created(
                  writer.create(
                      "incident-action", TestData.link(P1, O1, searched, action).build()))));
      links.put(letter + " action", action);
    }
    for (String letter : List.of("Bravo", "Delta")) {
      before.put(letter, writer.view("incident-action", links.get(letter)).json());
      assertEquals(204, writer.delete("incident-action", links.get(letter), "true").status());
    }
    Reply renamed =
        writer.update(
            "action",
            links.get("Bravo action"),
            Json.createObjectBuilder().add("name", "Renamed Bravo").build());
    assertEquals(200, renamed.status(), renamed.toString());

    String[] theirs = linkedPair(other, P2, O2, "HS-9", "HS Foxtrot");
    strangersLink = theirs[2];
    assertEquals(204, other.delete("incident", theirs[0], "true").status());
  }

  @Test
  void deletedLinksAreAnsweredAsTheyWereWhenDeletedAmongTheLiveOnesInTheirOrder() {
    searchWorld();
    Reply found = writer.index("incident-action", search("action_name").build());
    assertEquals(200, found.status(), found.toString());
    assertEquals(order("Alpha", "Bravo", "Charlie", "Delta", "Echo"), ids(found));
    assertEquals("5", found.header("X-Pagination-Total-Count").orElseThrow());
    for (JsonValue value : found.array()) {
      JsonObject item = value.asJsonObject();
      String letter = letterOf(item.getString("office_incident_action_id"));
      JsonObject without = withoutDeleted(item);
      if (before.containsKey(letter)) {
        assertTrue(item.getString("deleted_at").matches(TIMESTAMP), item.toString());
        assertEquals(WRITER, item.getString("deleted_by"));
        assertEquals(before.get(letter), without, "as view answered it before the delete");
      } else {
        assertEquals(JsonValue.NULL, item.get("deleted_at"), item.toString());
        assertEquals(JsonValue.NULL, item.get("deleted_by"), item.toString());
        assertEquals(writer.view("incident-action", links.get(letter)).json(), without);
      }
      assertEquals(List.of("deleted_at", "deleted_by"), lastTwoKeys(item));
    }
    assertEquals(
        "HS Bravo",
        found.array().getJsonObject(1).getString("action_name"),
        "the deleted link keeps the action's name of its delete, not today's");

    Reply descending = writer.index("incident-action", search("-action_name").build());
    assertEquals(order("Echo", "Delta", "Charlie", "Bravo", "Alpha"), ids(descending));

    Reply byQuery =
        writer.indexQuery(
            "incident-action",
            "filter%5Boffice_incident_id%5D=" + searched + "&sort=action_name&history=1");
    assertEquals(200, byQuery.status(), byQuery.toString());
    assertEquals(found.body(), byQuery.body(), "the GET form answers the same");
    Reply byQueryTrue =
        writer.indexQuery(
            "incident-action",
            "filter%5Boffice_incident_id%5D=" + searched + "&sort=action_name&history=true");
    assertEquals(found.body(), byQueryTrue.body());
  }

  @Test
  void withoutTheFlagAnswersAreAsBeforeAndCarryNoDeletedFields() {
    searchWorld();
    JsonObject plain =
        Json.createObjectBuilder()
            .add("filter", Json.createObjectBuilder().add("office_incident_id", searched))
            .add("sort", "action_name")
            .build();
    Reply found = writer.index("incident-action", plain);
    assertEquals(order("Alpha", "Charlie", "Echo"), ids(found));
    assertEquals("3", found.header("X-Pagination-Total-Count").orElseThrow());
    assertFalse(found.body().contains("deleted_at"), found.body());
    assertFalse(found.body().contains("deleted_by"), found.body());
    Reply historyFalse =
        writer.index(
            "incident-action", Json.createObjectBuilder(plain).add("history", false).build());
    assertEquals(found.body(), historyFalse.body());
    assertEquals(
        found.headers().get("X-Pagination-Total-Count"),
        historyFalse.headers().get("X-Pagination-Total-Count"));
    String query = "filter%5Boffice_incident_id%5D=" + searched + "&sort=action_name";
    Reply get = writer.indexQuery("incident-action", query);
    assertEquals(found.body(), get.body());
    assertEquals(get.body(), writer.indexQuery("incident-action", query + "&history=0").body());
    assertFalse(writer.view("incident-action", links.get("Alpha")).body().contains("deleted_"));
  }

  @Test
  void filtersOfEveryKindMatchDeletedItemsAsTheyWereWhenDeleted() {
    searchWorld();
    assertEquals(
        order("Bravo"),
        ids(
            writer.index(
                "incident-action",
                search(null).add("filter", filter("action_name", "bRAVo")).build())),
        "a substring of the name the action had when the link was deleted");
    assertEquals(
        List.of(),
        ids(
            writer.index(
                "incident-action",
                search(null).add("filter", filter("action_name", "renamed")).build())),
        "not the name the action has now");
    assertEquals(
        order("Delta"),
        ids(
            writer.index(
                "incident-action",
                search(null)
                    .add("filter", filter("entity_id", links.get("Delta action")))
                    .build())));
    JsonObject anyOf =
        Json.createObjectBuilder()
            .add("office_incident_id", searched)
            .add(
                "entity_id",
                Json.createArrayBuilder()
                    .add(links.get("Delta action"))
                    .add(links.get("Alpha action"))
                    .add(links.get("Echo action")))
            .build();
    Reply some =
        writer.index("incident-action", search("-action_code").add("filter", anyOf).build());
    assertEquals(order("Echo", "Delta", "Alpha"), ids(some));
    assertEquals("3", some.header("X-Pagination-Total-Count").orElseThrow());
    Reply dated =
        writer.indexQuery(
            "incident-action",
            "filter%5Bincident_date%5D=2026-11-20&filter%5Baction_type%5D=TRAINING"
                + "&filter%5Bincident_name%5D=history&sort=incident_date,action_name&history=1");
    assertEquals(200, dated.status(), dated.toString());
    assertEquals(order("Alpha", "Bravo", "Charlie", "Delta", "Echo"), ids(dated));
    Reply byTime =
        writer.index(
            "incident-action",
            search(null)
                .add("filter", filter("created_at", before.get("Delta").getString("created_at")))
                .build());
    assertTrue(ids(byTime).contains(links.get("Delta")), byTime.toString());
  }

  @Test
  void pagesOfBothKindsNeitherRepeatNorSkipAnItemAndCountExactly() {
    searchWorld();
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      Reply reply =
          writer.indexQuery(
              "incident-action",
              "filter%5Boffice_incident_id%5D="
                  + searched
                  + "&sort=action_name&history=1&per-page=2&page="
                  + page);
      assertEquals(200, reply.status(), reply.toString());
      assertEquals(String.valueOf(page), reply.header("X-Pagination-Current-Page").orElseThrow());
      assertEquals("3", reply.header("X-Pagination-Page-Count").orElseThrow());
      assertEquals("2", reply.header("X-Pagination-Per-Page").orElseThrow());
      assertEquals("5", reply.header("X-Pagination-Total-Count").orElseThrow());
      String link =
          reply.headers().entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase("Link"))
              .flatMap(e -> e.getValue().stream())
              .collect(java.util.stream.Collectors.joining(", "));
      assertTrue(link.contains("history=1"), link);
      assertTrue(link.contains("rel=\"first\"") && link.contains("rel=\"last\""), link);
      assertEquals(page < 3, link.contains("rel=\"next\""), link);
      assertEquals(page > 1, link.contains("rel=\"prev\""), link);
      seen.addAll(ids(reply));
    }
    assertEquals(order("Alpha", "Bravo", "Charlie", "Delta", "Echo"), seen);

    List<String> byDefault = new ArrayList<>();
    for (int page = 1; page <= 5; page++) {
      Reply reply =
          writer.index(
              "incident-action", search(null).add("per-page", 1).add("page", page).build());
      assertEquals("5", reply.header("X-Pagination-Total-Count").orElseThrow());
      byDefault.addAll(ids(reply));
    }
    assertEquals(ids(writer.index("incident-action", search(null).build())), byDefault);
    assertEquals(5, byDefault.stream().distinct().count(), byDefault.toString());

    Reply past = writer.index("incident-action", search(null).add("page", 9).build());
    assertEquals(200, past.status());
    assertEquals("[]", past.body());
    assertEquals("5", past.header("X-Pagination-Total-Count").orElseThrow());

    Reply everything =
        writer.index(
            "incident-action",
            Json.createObjectBuilder().add("history", true).add("per-page", 1000).build());
    assertEquals(
        String.valueOf(everything.array().size()),
        everything.header("X-Pagination-Total-Count").orElseThrow(),
        "the kept count of live links plus the deleted ones");
  }

  @Test
  void anotherTenantsDeletedItemsNeverAppear() {
    searchWorld();
    JsonObject all = Json.createObjectBuilder().add("history", true).add("per-page", 1000).build();
    List<String> mine = ids(writer.index("incident-action", all));
    assertTrue(mine.containsAll(order("Alpha", "Bravo", "Charlie", "Delta", "Echo")));
    assertFalse(mine.contains(strangersLink), "the other tenant's deleted link");
    Reply theirs = other.index("incident-action", all);
    assertEquals(List.of(strangersLink), ids(theirs), "theirs alone");
    assertEquals(OTHER, theirs.array().getJsonObject(0).getString("deleted_by"));
    assertEquals("1", theirs.header("X-Pagination-Total-Count").orElseThrow());
    Reply filtered =
        other.index(
            "incident-action",
            Json.createObjectBuilder(all).add("filter", filter("action_name", "hs")).build());
    assertEquals(List.of(strangersLink), ids(filtered));
    assertTrue(
        ids(admin.index("incident-action", all))
            .containsAll(List.of(strangersLink, links.get("Bravo"))));
    List<String> theirIncidents = ids(other.index("incident", all));
    assertEquals(1, theirIncidents.size(), theirIncidents.toString());
    assertFalse(ids(writer.index("incident", all)).contains(theirIncidents.get(0)));
    assertFalse(ids(reader.index("incident", all)).contains(theirIncidents.get(0)));
  }

  @Test
  void everyResourceFindsItsDeletedItemsAndAForcedDeleteLeavesEveryDependentsRow() {
    searchWorld();
    String gone =
        id(created(writer.create("incident", TestData.incident(P1, O1, "HS-7", "Gone").build())));
    assertEquals(204, writer.delete("incident", gone, "true").status());
    assertDeleted(reader, "incident", filter("code", "HS-7"), gone, WRITER);
    assertDeleted(reader, "incident", null, gone, WRITER);
    String action =
        id(
            created(
                writer.create("action", TestData.action(P1, O1, "PER", "HS-8", "Gone").build())));
    assertEquals(204, writer.delete("action", action, "true").status());
    assertDeleted(reader, "action", filter("action_type", "PER"), action, WRITER);
    String office = "d2000000-0000-4000-8000-000000000005";
    created(admin.create("office", TestData.office(office, P1, "Closed site")));
    assertEquals(204, admin.delete("office", office, "true").status());
    assertDeleted(reader, "office", filter("name", "closed"), office, "admin");

    created(admin.create("project", TestData.project(P3, "Gamma Mining").build()));
    created(admin.create("office", TestData.office(O3, P3, "Gamma pit")));
    String[] gamma = linkedPair(admin, P3, O3, "G-1", "Bolting");
    assertEquals(204, admin.delete("project", P3, "true").status());
    assertDeleted(admin, "project", filter("name", "gamma"), P3, "admin");
    assertDeleted(admin, "office", filter("project_id", P3), O3, "admin");
    assertDeleted(admin, "incident", filter("tenant_id", P3), gamma[0], "admin");
    assertDeleted(admin, "action", filter("tenant_id", P3), gamma[1], "admin");
    assertDeleted(admin, "incident-action", filter("tenant_id", P3), gamma[2], "admin");
    assertEquals(
        "Bolting",
        admin
            .index("incident-action", search(null).add("filter", filter("tenant_id", P3)).build())
            .array()
            .getJsonObject(0)
            .getString("action_name"));

    JsonObject projects = Json.createObjectBuilder().add("history", true).build();
    List<String> visible = ids(writer.index("project", projects));
    assertEquals(List.of(P1), visible, "a reader of one tenant sees that project alone");
  }

  @Test
  void historyIsABooleanOrAValidationError() {
    searchWorld();
    for (JsonValue bad :
        List.of(Json.createValue("yes"), Json.createValue(1), Json.createArrayBuilder().build())) {
      Reply refused =
          writer.index("incident-action", Json.createObjectBuilder().add("history", bad).build());
      assertFields(refused, "history");
    }
    for (String bad : List.of("yes", "2", "TRUE")) {
      assertFields(writer.indexQuery("incident", "history=" + bad), "history");
    }
  }

  /** An incident, an action and their link, made by {@code who} at an office: their three ids. */
  private static String[] linkedPair(
      ApiClient who, String project, String office, String code, String actionName) {
    String incident =
        id(created(who.create("incident", TestData.incident(project, office, code, code).build())));
    String action =
        id(
            created(
                who.create(
                    "action",
                    TestData.action(project, office, "CHECK", code + "-A", actionName).build())));
    String link =
        id(
            created(
                who.create(
                    "incident-action", TestData.link(project, office, incident, action).build())));
    return new String[] {incident, action, link};
  }

  private static void assertDeleted(
      ApiClient caller, String resource, JsonObject filter, String id, String by) {
    for (Reply reply :
        List.of(
            caller.index(
                resource,
                (filter == null
                        ? Json.createObjectBuilder()
                        : Json.createObjectBuilder().add("filter", filter))
                    .add("history", true)
                    .add("per-page", 1000)
                    .build()),
            caller.indexQuery(
                resource,
                "history=1&per-page=1000"
                    + (filter == null
                        ? ""
                        : filter.entrySet().stream()
                            .map(
                                e ->
                                    "&filter%5B"
                                        + e.getKey()
                                        + "%5D="
                                        + ApiClient.enc(
                                            ((jakarta.json.JsonString) e.getValue()).getString()))
                            .reduce("", String::concat))))) {
      assertEquals(200, reply.status(), reply.toString());
      JsonObject item =
          reply.array().stream()
              .map(JsonValue::asJsonObject)
              .filter(i -> i.containsValue(Json.createValue(id)))
              .findFirst()
              .orElseThrow(() -> new AssertionError(resource + " " + id + " in " + reply));
      assertTrue(item.getString("deleted_at").matches(TIMESTAMP), item.toString());
      assertEquals(by, item.getString("deleted_by"));
      assertEquals(
          reply.array().size(),
          Integer.parseInt(reply.header("X-Pagination-Total-Count").orElseThrow()));
      assertEquals(404, caller.view(resource, id).status());
    }
  }

  private static JsonObjectBuilder search(String sort) {
    JsonObjectBuilder search =
        Json.createObjectBuilder()
            .add("filter", Json.createObjectBuilder().add("office_incident_id", searched))
            .add("history", true);
    return sort == null ? search : search.add("sort", sort);
  }

  private static JsonObject filter(String field, String value) {
    return Json.createObjectBuilder().add(field, value).build();
  }

  private static List<String> order(String... letters) {
    return java.util.Arrays.stream(letters).map(links::get).toList();
  }

  private static String letterOf(String link) {
    return links.entrySet().stream()
        .filter(e -> e.getValue().equals(link))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> ids(Reply reply) {
    assertEquals(200, reply.status(), reply.toString());
    return reply.array().stream()
        .map(JsonValue::asJsonObject)
        .map(item -> item.getString(item.keySet().iterator().next()))
        .toList();
  }

  private static JsonObject withoutDeleted(JsonObject item) {
    JsonObjectBuilder copy = Json.createObjectBuilder(item);
    copy.remove("deleted_at");
    copy.remove("deleted_by");
    return copy.build();
  }

  private static List<String> lastTwoKeys(JsonObject item) {
    List<String> keys = List.copyOf(item.keySet());
    return keys.subList(keys.size() - 2, keys.size());
  }
}
