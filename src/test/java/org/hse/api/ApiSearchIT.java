package org.hse.api;

import static org.hse.api.ApiAssertions.assertFields;
import static org.hse.api.ApiAssertions.created;
import static org.hse.api.ApiAssertions.id;
import static org.hse.api.ApiAssertions.strings;
import static org.hse.api.TestData.P1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * The v2 API's search as a client sees it, on the packaged WAR: filters, sorting, paging and their
 * headers, and the 422 of every bad parameter. The world is {@link ApiTests}'s, on the {@link
 * SharedServer}.
 */
class ApiSearchIT extends ApiTests {

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

  /**
   * The server keeps the query it read a page of a search with, and reads that page with it again
   * the next time: every page size and offset reads the right rows the first time and again on its
   * kept query, for the two-statement search and for the one-statement search of one incident's
   * links.
   */
  @Test
  void everyPageSizeAndOffsetOfOneSearchReadsTheSameOrder() {
    assertPagesReadTheSameOrder("sort=action_type", 4);
    assertPagesReadTheSameOrder(
        "filter[office_incident_id]=" + incident1 + "&sort=-action_name", 3);
  }

  private void assertPagesReadTheSameOrder(String search, int total) {
    List<String> whole =
        strings(
            writer.indexQuery("incident-action", search + "&per-page=1000").array(),
            "office_incident_action_id");
    assertEquals(total, whole.size());
    for (int pass = 1; pass <= 2; pass++) {
      assertEveryPageSizeReads(search, total, whole);
    }
  }

  private void assertEveryPageSizeReads(String search, int total, List<String> whole) {
    for (int perPage = 1; perPage <= total; perPage++) {
      long pageCount = (total + perPage - 1) / perPage;
      List<String> read = new java.util.ArrayList<>();
      for (int page = 1; page <= pageCount; page++) {
        Reply reply =
            writer.indexQuery("incident-action", search + "&per-page=" + perPage + "&page=" + page);
        assertEquals(200, reply.status(), reply.body());
        assertPaging(reply, page, pageCount, perPage, total);
        read.addAll(strings(reply.array(), "office_incident_action_id"));
      }
      assertEquals(whole, read, "per-page " + perPage);
    }
  }

  @Test
  void aPagePastTheLargestOffsetIsEmptyWithTheTotal() {
    Reply reply = writer.indexQuery("incident-action", "per-page=1000&page=2147483647");
    assertEquals(200, reply.status(), reply.body());
    assertEquals(0, reply.array().size());
    assertPaging(reply, 2147483647, 1, 1000, 4);
    Reply seed =
        writer.indexQuery(
            "incident-action",
            "filter[office_incident_id]=" + incident1 + "&per-page=1000&page=2147483647");
    assertEquals(200, seed.status(), seed.body());
    assertEquals(0, seed.array().size());
    assertPaging(seed, 2147483647, 1, 1000, 3);
    Reply withDeleted =
        writer.indexQuery("incident-action", "per-page=1000&page=2147483647&history=true");
    assertEquals(200, withDeleted.status(), withDeleted.body());
    assertEquals(0, withDeleted.array().size());
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
}
