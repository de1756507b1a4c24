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

  /**
   * Authentication first on {@code /v2/}: an anonymous request is a 401 with the challenge and the
   * JSON body before the method, the id, the media type or the body are looked at.
   */
  @Test
  void anAnonymousRequestIs401BeforeAnythingElseIsLookedAt() {
    List<String[]> requests =
        List.of(
            new String[] {"GET", "v2/office/view", null, null},
            new String[] {"GET", "v2/office/view/not-a-uuid", null, null},
            new String[] {"GET", "v2/nothing/here", null, null},
            new String[] {"DELETE", "v2/incident-action/view/" + incident1, null, null},
            new String[] {"POST", "v2/incident/create", "text/plain", "hello"},
            new String[] {"POST", "v2/incident-action/index", "application/json", "{\"filter\": "});
    for (String[] request : requests) {
      String answer =
          RawHttp.exchange(
              SharedServer.base(), request[0], request[1], null, request[2], request[3]);
      String what = request[0] + " " + request[1];
      assertEquals("HTTP/1.1 401 Unauthorized", RawHttp.statusLine(answer), what);
      assertTrue(RawHttp.header(answer, "WWW-Authenticate").startsWith("Bearer"), what);
      assertTrue(
          RawHttp.body(answer).contains("\"status\":401"), what + ": " + RawHttp.body(answer));
    }
  }

  /** Every answer carries a {@code Date} (RFC 9110), an error and a refused token's 401 too. */
  @Test
  void everyAnswerCarriesADate() {
    String token = ApiClient.login(SharedServer.base(), "reader", TestData.password("reader"));
    List<String> answers =
        List.of(
            RawHttp.exchange(SharedServer.base(), "GET", "v2/office/view/" + O1, token, null, null),
            RawHttp.exchange(SharedServer.base(), "GET", "v2/nothing", token, null, null),
            RawHttp.exchange(SharedServer.base(), "GET", "v2/office/index", "a.b.c", null, null),
            RawHttp.exchange(SharedServer.base(), "GET", "v2/office/index", null, null, null),
            RawHttp.exchange(SharedServer.base(), "GET", "health/ready", null, null, null));
    for (String answer : answers) {
      String date = RawHttp.header(answer, "Date");
      assertTrue(date != null, RawHttp.statusLine(answer) + " has no Date");
      java.time.ZonedDateTime sent =
          java.time.ZonedDateTime.parse(
              date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
      assertTrue(
          Math.abs(
                  java.time.Duration.between(sent.toInstant(), java.time.Instant.now()).toSeconds())
              < 60,
          date);
    }
  }

  /**
   * A view honours {@code If-None-Match}: 304 with the {@code ETag} and no body when it names the
   * item's version (or is {@code *}), the item when it does not.
   */
  @Test
  void aViewWhoseEtagTheClientHasIsNotModified() {
    String token = ApiClient.login(SharedServer.base(), "reader", TestData.password("reader"));
    String path = "v2/office/view/" + O1;
    String etag =
        RawHttp.header(
            RawHttp.exchange(SharedServer.base(), "GET", path, token, null, null), "ETag");
    for (String ifNoneMatch : List.of(etag, "\"0\", " + etag, "*")) {
      String answer =
          RawHttp.exchange(
              SharedServer.base(),
              "GET",
              path,
              token,
              null,
              null,
              Map.of("If-None-Match", ifNoneMatch));
      assertEquals("HTTP/1.1 304 Not Modified", RawHttp.statusLine(answer), ifNoneMatch);
      assertEquals(etag, RawHttp.header(answer, "ETag"));
      assertEquals("", RawHttp.body(answer));
    }
    String changed =
        RawHttp.exchange(
            SharedServer.base(), "GET", path, token, null, null, Map.of("If-None-Match", "\"0\""));
    assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(changed));
    assertTrue(RawHttp.body(changed).contains(O1));
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
