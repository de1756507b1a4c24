package org.hse.api;

import static org.hse.api.ApiAssertions.assertErrorBody;
import static org.hse.api.ApiAssertions.total;
import static org.hse.api.TestData.P1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * The v2 API's protocol errors as a client sees them, on the packaged WAR: malformed bodies, media
 * types, methods, sizes and missing or bad tokens. The world is {@link ApiTests}'s, on the {@link
 * SharedServer}.
 */
class ApiProtocolIT extends ApiTests {

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

  /** The OpenAPI document is the one description of the resources: no WADL, to anyone. */
  @Test
  void noWadlIsServed() {
    for (ApiClient caller : List.of(anonymous, admin)) {
      Reply reply = caller.get("application.wadl");
      assertFalse(reply.body().contains("<application"), reply.body());
      assertErrorBody(reply, 404, "Not Found");
    }
  }

  @Test
  void theTokenMayComeAsTheAccessTokenQueryParameter() throws Exception {
    String token = ApiClient.login(SharedServer.base(), "reader", TestData.password("reader"));
    Reply reply = anonymous.get("v2/incident-action/index?access-token=" + token + "&per-page=1");
    assertEquals(200, reply.status(), reply.body());
    assertFalse(linkHeader(reply).contains(token), "the token is echoed in the Link header");
    assertTrue(linkHeader(reply).contains("per-page=1"));
    assertPaging(reply, 1, total(reader, "incident-action"), 1, total(reader, "incident-action"));
    Reply garbage = anonymous.get("v2/incident-action/index?access-token=garbage");
    assertEquals(401, garbage.status());
    assertErrorBody(garbage, 401, "Unauthorized");
  }
}
