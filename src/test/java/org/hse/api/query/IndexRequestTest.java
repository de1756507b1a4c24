package org.hse.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hse.api.TestMetamodel;
import org.hse.api.errors.FieldError;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.junit.jupiter.api.Test;

class IndexRequestTest {

  private static final String INCIDENT = "5c6d7e8f-9012-3456-abcd-ef5678901234";

  static {
    TestMetamodel.populate();
  }

  private final IncidentActionModel model = new IncidentActionModel();

  @Test
  void anEmptyBodyMeansTheFirstHundredInCreationOrder() {
    IndexRequest<IncidentAction> request =
        IndexRequest.fromJson(model, JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(1, request.page());
    assertEquals(100, request.perPage());
    assertEquals(0, request.offset());
    assertTrue(request.filter().isEmpty());
    assertTrue(request.sort().isEmpty());
  }

  @Test
  void theSeedRequestParses() {
    JsonObject body =
        Json.createObjectBuilder()
            .add(
                "filter",
                Json.createObjectBuilder().add("office_incident_id", INCIDENT.toUpperCase()))
            .add("per-page", 20)
            .add("page", 3)
            .add("sort", "-incident_date,action_name")
            .add("history", false)
            .build();
    IndexRequest<IncidentAction> request = IndexRequest.fromJson(model, body);
    assertEquals(3, request.page());
    assertEquals(20, request.perPage());
    assertEquals(40, request.offset());
    assertEquals(
        List.of(INCIDENT), request.filter().get(model.field("office_incident_id").orElseThrow()));
    assertEquals("incident_date", request.sort().get(0).field().name());
    assertTrue(request.sort().get(0).descending());
    assertEquals("action_name", request.sort().get(1).field().name());
    assertEquals(false, request.sort().get(1).descending());
    assertEquals(false, request.history());
    assertTrue(
        IndexRequest.fromJson(model, Json.createObjectBuilder().add("history", true).build())
            .history());
    assertEquals(
        false,
        IndexRequest.fromJson(model, Json.createObjectBuilder().addNull("history").build())
            .history());
  }

  @Test
  void filterValuesAreParsedByKindAndArraysMeanAnyOf() {
    JsonObject body =
        Json.createObjectBuilder()
            .add(
                "filter",
                Json.createObjectBuilder()
                    .add("incident_date", "2026-11-02")
                    .add("action_type", Json.createArrayBuilder().add("TRAINING").add("PER"))
                    .add("description", JsonValue.NULL))
            .build();
    IndexRequest<IncidentAction> request = IndexRequest.fromJson(model, body);
    assertEquals(
        List.of(LocalDate.of(2026, 11, 2)),
        request.filter().get(model.field("incident_date").orElseThrow()));
    assertEquals(
        List.of("TRAINING", "PER"), request.filter().get(model.field("action_type").orElseThrow()));
    assertEquals(
        java.util.Collections.singletonList(null),
        request.filter().get(model.field("description").orElseThrow()));
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    JsonObject body =
        Json.createObjectBuilder()
            .add(
                "filter",
                Json.createObjectBuilder()
                    .add("password", "x")
                    .add("entity_id", "1234")
                    .add("incident_status", "lost"))
            .add("per-page", 0)
            .add("page", "2")
            .add("sort", "secret")
            .add("history", "yes")
            .add("expand", "all")
            .build();
    assertFields(
        () -> IndexRequest.fromJson(model, body),
        "filter[password]",
        "filter[entity_id]",
        "filter[incident_status]",
        "per-page",
        "page",
        "sort",
        "history",
        "expand");
  }

  @Test
  void pageSizesOutsideOneToAThousandAndNonIntegersAreRefused() {
    for (JsonValue bad :
        List.of(
            Json.createValue(0),
            Json.createValue(1001),
            Json.createValue(2.5),
            Json.createValue("20"),
            Json.createValue(1L << 40),
            JsonValue.TRUE)) {
      assertFields(
          () ->
              IndexRequest.fromJson(model, Json.createObjectBuilder().add("per-page", bad).build()),
          "per-page");
    }
    assertEquals(
        1000,
        IndexRequest.fromJson(model, Json.createObjectBuilder().add("per-page", 1000).build())
            .perPage());
  }

  @Test
  void theLastPossiblePageDoesNotOverflow() {
    IndexRequest<IncidentAction> request =
        IndexRequest.fromJson(
            model,
            Json.createObjectBuilder()
                .add("page", Integer.MAX_VALUE)
                .add("per-page", 1000)
                .build());
    assertEquals((Integer.MAX_VALUE - 1L) * 1000L, request.offset());
  }

  @Test
  void theFilterMustBeAnObjectAndArraysAreBounded() {
    assertFields(
        () -> IndexRequest.fromJson(model, Json.createObjectBuilder().add("filter", "x").build()),
        "filter");
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 0; i < 1001; i++) {
      many.add(INCIDENT);
    }
    assertFields(
        () ->
            IndexRequest.fromJson(
                model,
                Json.createObjectBuilder()
                    .add("filter", Json.createObjectBuilder().add("entity_id", many))
                    .build()),
        "filter[entity_id]");
    assertFields(
        () ->
            IndexRequest.fromJson(
                model,
                Json.createObjectBuilder()
                    .add(
                        "filter",
                        Json.createObjectBuilder().add("entity_id", Json.createArrayBuilder()))
                    .build()),
        "filter[entity_id]");
  }

  @Test
  void theQueryFormRepeatsFiltersForAnyOfAndIgnoresTheAccessToken() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.addAll("filter[entity_id]", INCIDENT, "6d7e8f90-1234-4567-8bcd-ef6789012345");
    query.add("filter[action_name][]", "drill");
    query.add("per-page", "5");
    query.add("page", "2");
    query.add("sort", "-action_name");
    query.add("history", "1");
    query.add("access-token", "whatever");
    IndexRequest<IncidentAction> request = IndexRequest.fromQuery(model, query);
    assertEquals(2, request.filter().get(model.field("entity_id").orElseThrow()).size());
    assertEquals(List.of("drill"), request.filter().get(model.field("action_name").orElseThrow()));
    assertEquals(5, request.perPage());
    assertEquals(2, request.page());
    assertTrue(request.sort().get(0).descending());
    assertTrue(request.history(), "history=1");
  }

  @Test
  void theQueryFormReportsEveryBadParameter() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("filter[nope]", "1");
    query.add("per-page", "abc");
    query.add("page", "0");
    query.add("sort", "action_name,,");
    query.add("limit", "3");
    assertFields(
        () -> IndexRequest.fromQuery(model, query),
        "filter[nope]",
        "per-page",
        "page",
        "sort",
        "limit");
  }

  @Test
  void onlyDeclaredSortKeysAreAccepted() {
    assertFields(
        () ->
            IndexRequest.fromJson(
                model, Json.createObjectBuilder().add("sort", "incident_status").build()),
        "sort");
    assertFields(
        () ->
            IndexRequest.fromJson(
                model, Json.createObjectBuilder().add("sort", "description").build()),
        "sort");
    assertEquals(
        10,
        IndexRequest.fromJson(
                model,
                Json.createObjectBuilder()
                    .add(
                        "sort",
                        "action_code,action_name,-action_type,incident_code,incident_name,incident_date,office_name,project_name,created_at,updated_at")
                    .build())
            .sort()
            .size());
  }

  static void assertFields(Runnable parse, String... fields) {
    ValidationFailedException failure = assertThrows(ValidationFailedException.class, parse::run);
    Set<String> named =
        failure.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    assertEquals(Set.of(fields), named, failure.errors().toString());
  }
}
