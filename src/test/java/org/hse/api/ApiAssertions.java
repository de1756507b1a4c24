package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hse.api.ApiClient.Reply;

/**
 * What the black-box tests check in every answer: the contract's error bodies, 422 fields, totals.
 */
public final class ApiAssertions {

  private ApiAssertions() {}

  public static long total(ApiClient caller, String resource) {
    Reply reply = caller.index(resource, Json.createObjectBuilder().add("per-page", 1).build());
    assertEquals(200, reply.status(), reply.body());
    return Long.parseLong(reply.header("X-Pagination-Total-Count").orElseThrow());
  }

  /**
   * The total of the caller's items of {@code resource} in these tenants: an admin's count of one
   * test's world on the {@link SharedServer}, where other tests' worlds live too.
   */
  public static long totalIn(ApiClient caller, String resource, String... tenants) {
    Reply reply =
        caller.index(
            resource,
            Json.createObjectBuilder()
                .add("per-page", 1)
                .add(
                    "filter",
                    Json.createObjectBuilder()
                        .add("tenant_id", Json.createArrayBuilder(List.of(tenants))))
                .build());
    assertEquals(200, reply.status(), reply.body());
    return Long.parseLong(reply.header("X-Pagination-Total-Count").orElseThrow());
  }

  public static Reply created(Reply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply;
  }

  public static String id(Reply reply) {
    JsonObject item = reply.json();
    return item.keySet().stream()
        .filter(
            k ->
                k.endsWith("_id")
                    && !k.equals("tenant_id")
                    && !k.equals("subtenant_id")
                    && !k.equals("project_id"))
        .findFirst()
        .map(item::getString)
        .orElseGet(() -> item.getString("project_id"));
  }

  public static List<String> strings(JsonArray items, String field) {
    return items.stream().map(v -> v.asJsonObject().getString(field)).collect(Collectors.toList());
  }

  public static void assertErrorBody(Reply reply, int status, String name) {
    JsonObject body = reply.json();
    assertEquals(Set.of("name", "message", "code", "status"), body.keySet(), reply.body());
    assertEquals(name, body.getString("name"));
    assertEquals(0, body.getInt("code"));
    assertEquals(status, body.getInt("status"));
    assertFalse(body.getString("message").isBlank());
    assertFalse(reply.body().contains("Exception"), reply.body());
  }

  public static void assertFields(Reply reply, String... fields) {
    assertEquals(422, reply.status(), reply.body());
    JsonArray errors = reply.array();
    Set<String> named =
        errors.stream().map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
    assertEquals(Set.of(fields), named, reply.body());
    errors.forEach(e -> assertFalse(e.asJsonObject().getString("message").isBlank()));
  }
}
