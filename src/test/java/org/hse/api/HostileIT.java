package org.hse.api;

import static org.hse.api.ApiAssertions.assertErrorBody;
import static org.hse.api.ApiAssertions.assertFields;
import static org.hse.api.ApiAssertions.id;
import static org.hse.api.ApiAssertions.total;
import static org.hse.api.ApiAssertions.totalIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks that break real APIs (OWASP API Security Top 10): forged tokens, other tenants' ids on
 * every verb of every resource, mass assignment, injection, oversized input and password guessing.
 * Each must fail safely, change nothing, answer no 500 and leak no token or password into the log.
 *
 * <p>On the {@link SharedServer}, in tenants of its own: P1 is {@code hostile-writer}'s, P2 {@code
 * hostile-other}'s, and the name it locks by guessing passwords is {@code hostile-norole} (from
 * 127.0.0.1), and {@code admin} from 203.0.113.7 only.
 */
@ExtendWith(SharedServer.class)
class HostileIT {

  static final String P1 = "a1000000-0000-4000-8000-000000000001";
  static final String P2 = "a1000000-0000-4000-8000-000000000002";
  static final String O1 = "a2000000-0000-4000-8000-000000000001";
  static final String O2 = "a2000000-0000-4000-8000-000000000002";
  static final String MISSING = "99999999-9999-4999-8999-999999999999";

  static ApiClient admin;
  static ApiClient writer;
  static ApiClient anonymous;
  static URI base;
  static final List<String> secrets = new ArrayList<>();

  /** One item of the other tenant (P2) per resource, by resource name. */
  static final Map<String, String> foreign = new LinkedHashMap<>();

  /** One item of the writer's tenant (P1) per resource. */
  static final Map<String, String> own = new LinkedHashMap<>();

  @BeforeEach
  void world() throws Exception {
    if (admin != null) {
      return;
    }
    TestWorld world = TestWorld.shared();
    anonymous = world.anonymous();
    base = anonymous.base();
    admin = world.as("admin");
    writer = world.as("hostile-writer");
    ApiClient other = world.as("hostile-other");
    for (ApiClient caller : List.of(admin, writer, other)) {
      remember(caller.token());
    }
    world.project(admin, TestData.project(P1, "Alpha Safety"));
    world.project(admin, TestData.project(P2, "Beta Works"));
    world.office(admin, O1, P1, "North plant");
    world.office(admin, O2, P2, "Beta site");
    own.put("project", P1);
    own.put("office", O1);
    foreign.put("project", P2);
    foreign.put("office", O2);
    for (Object[] side : new Object[][] {{writer, P1, O1, own}, {other, P2, O2, foreign}}) {
      ApiClient client = (ApiClient) side[0];
      String project = (String) side[1];
      String office = (String) side[2];
      @SuppressWarnings("unchecked")
      Map<String, String> ids = (Map<String, String>) side[3];
      String incident =
          world.create(
              client,
              "incident",
              TestData.incident(project, office, "INC-1", "Spill at " + project));
      String action =
          world.create(
              client,
              "action",
              TestData.action(project, office, "PER", "ACT-1", "Gloves for " + project));
      ids.put("incident", incident);
      ids.put("action", action);
      ids.put(
          "incident-action",
          world.create(
              client, "incident-action", TestData.link(project, office, incident, action)));
    }
  }

  @AfterAll
  static void nothingSecretReachedTheLog() throws IOException {
    String log = serverLog();
    assertFalse(log.isEmpty(), "the server log was not found");
    for (String secret : secrets) {
      assertFalse(
          log.contains(secret),
          "the server log contains a secret: "
              + secret.substring(0, Math.min(8, secret.length()))
              + "...");
    }
    assertFalse(log.contains("S3cret-guess"), "a guessed password reached the log");
  }

  // --- tokens -----------------------------------------------------------------------------------

  @Test
  void forgedTokensAre401AndChangeNothing() throws Exception {
    List<String> roles = List.of("admin");
    List<String> tenants = List.of(P1, P2);
    Instant now = Instant.now();
    String genuine = remember(Tokens.signedByService("admin", roles, tenants, Tokens.ISSUER, now));
    assertEquals(200, anonymous.as(genuine).index("project", JsonValue.EMPTY_JSON_OBJECT).status());
    String readerToken =
        remember(
            Tokens.signedByService("reader", List.of("reader"), List.of(P1), Tokens.ISSUER, now));
    Map<String, String> attacks = new LinkedHashMap<>();
    attacks.put("alg none", Tokens.unsigned("admin", roles, tenants));
    attacks.put("HS256 keyed with the RSA public key", hs256WithPublicKey(roles, tenants));
    attacks.put(
        "expired",
        Tokens.signedByService("admin", roles, tenants, Tokens.ISSUER, now.minusSeconds(3600)));
    attacks.put(
        "not yet valid",
        Tokens.signedByService("admin", roles, tenants, Tokens.ISSUER, now.plusSeconds(3600)));
    attacks.put(
        "wrong issuer",
        Tokens.signedByService("admin", roles, tenants, "http://evil.example/realms/hse", now));
    attacks.put("another key", Tokens.signedByStranger("admin", roles, tenants));
    attacks.put("tenants claim edited", Tokens.withPayloadOf(readerToken, genuine));
    attacks.put("garbage", "not.a.token");
    attacks.values().forEach(HostileIT::remember);
    Map<String, String> classOfFailure =
        Map.of(
            "alg none", "The bearer token is not a signed JWT.",
            "HS256 keyed with the RSA public key", SIGNATURE,
            "expired", "The bearer token has expired.",
            "not yet valid",
                "The bearer token is not valid yet: it was issued, or becomes valid, in the future.",
            "wrong issuer", "The bearer token's issuer is not accepted.",
            "another key", SIGNATURE,
            "tenants claim edited", SIGNATURE,
            "garbage", "The bearer token is not a signed JWT.");
    long before = total(admin, "project");
    attacks.forEach(
        (attack, token) -> {
          Reply reply =
              anonymous
                  .as(token)
                  .create(
                      "project", TestData.project(UUID.randomUUID().toString(), attack).build());
          assertEquals(401, reply.status(), attack + ": " + reply.body());
          assertTrue(reply.header("WWW-Authenticate").orElseThrow().startsWith("Bearer"), attack);
          assertErrorBody(reply, 401, "Unauthorized");
          assertEquals(classOfFailure.get(attack), reply.json().getString("message"), attack);
          assertFalse(reply.body().contains("realms/hse"), attack + " names an issuer");
          Reply viaQuery = anonymous.get("v2/project/index?access-token=" + ApiClient.enc(token));
          assertEquals(401, viaQuery.status(), attack);
          assertEquals(classOfFailure.get(attack), viaQuery.json().getString("message"), attack);
        });
    assertEquals(before, total(admin, "project"));
    Map<String, String> reasons =
        Map.of(
            "alg none", "malformed",
            "HS256 keyed with the RSA public key", "signature",
            "expired", "expired",
            "not yet valid", "not_yet_valid",
            "wrong issuer", "issuer",
            "garbage", "malformed");
    List<String> lines = new ArrayList<>();
    reasons.forEach(
        (attack, reason) -> {
          lines.add(refusalLine(reason, "POST", "v2/project/create"));
          lines.add(refusalLine(reason, "GET", "v2/project/index"));
        });
    assertRefusalsLogged(lines);
  }

  /**
   * A refused token leaves the one line of its refusal in the log and nothing else about its
   * request: no stack trace, no error of the server's own. WildFly's Undertow, finding the exchange
   * of a failed authentication unfinished, called {@code sendError} on the committed 401 and logged
   * {@code UT005023 ... UT010019: Response already commited} with a stack trace for each. (On the
   * shared Payara, Payara's {@code SignedJWTIdentityStore} logs a stack trace of its own at INFO,
   * which the runnable jar's logging configuration silences: {@link ServerLogIT}.)
   */
  @Test
  void aRefusedTokenIsOneLineInTheLogAndNoStackTrace() throws Exception {
    long before = Files.size(SharedServer.log());
    ApiClient refused =
        anonymous.as(remember(Tokens.unsigned("admin", List.of("admin"), List.of(P1))));
    Reply created =
        refused.create(
            "project", TestData.project(UUID.randomUUID().toString(), "One line").build());
    assertEquals(401, created.status(), created.body());
    Reply listed = refused.get("v2/project/index");
    assertEquals(401, listed.status(), listed.body());
    assertRefusalsLogged(
        List.of(
            refusalLine("malformed", "POST", "v2/project/create"),
            refusalLine("malformed", "GET", "v2/project/index")));
    Thread.sleep(500);
    String tail = serverLog().substring((int) before);
    for (String path : List.of("v2/project/create", "v2/project/index")) {
      assertEquals(
          1,
          tail.lines().filter(line -> line.contains(base.getPath() + path)).count(),
          "lines about the refused request to " + path + ": " + tail);
    }
    if (SharedServer.onWildFly()) {
      assertFalse(tail.contains("\n\tat "), "a stack trace for a refused token: " + tail);
    }
  }

  /**
   * No connection handle is reported active at the end of a transaction: on WildFly IronJacamar
   * logged {@code IJ000315: Pool ... has 1 active handles} (ERROR) after every write, where
   * EclipseLink closes the connection of the transaction it joined just after it ends.
   */
  @Test
  void aWriteLeavesNoErrorAboutConnectionHandles() throws Exception {
    Reply created =
        admin.create("project", TestData.project(UUID.randomUUID().toString(), "Handles").build());
    assertEquals(201, created.status(), created.body());
    assertFalse(serverLog().contains("IJ000315"), "IJ000315 in the server log");
  }

  /**
   * The one line the service logs for a refused token (logger {@code
   * org.hse.api.security.TokenRefusals}): the reason as the metric's tag, the method, the path
   * without the query string, the client's address.
   */
  private static String refusalLine(String reason, String method, String path) {
    return "Token refused: reason="
        + reason
        + " method="
        + method
        + " path="
        + base.getPath()
        + path
        + " client=127.0.0.1";
  }

  /** Each of these lines is in the server's log, which the server writes a moment later. */
  private static void assertRefusalsLogged(List<String> lines) throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<String> missing = lines;
    while (!missing.isEmpty() && System.nanoTime() < deadline) {
      String log = serverLog();
      missing = lines.stream().filter(line -> !log.contains(line)).toList();
      if (!missing.isEmpty()) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    assertEquals(List.of(), missing, "refusals missing from the log");
  }

  static final String SIGNATURE = "The bearer token's signature or algorithm is not accepted.";

  /**
   * A clock skew of 30 s (mp.jwt.verify.clock.skew): a token that expired a second ago still works,
   * one that expired 40 s ago is refused as expired; the same for the issue time.
   */
  @Test
  void theClockSkewAppliesToExpiryAndIssueTime() {
    // the service's tokens live 300 s: issued 301 s ago is expired for a second
    assertEquals(200, searchWithTokenIssued(-301).status());
    assertEquals(200, searchWithTokenIssued(5).status());
    Reply expired = searchWithTokenIssued(-340);
    assertEquals(401, expired.status(), expired.body());
    assertEquals("The bearer token has expired.", expired.json().getString("message"));
    Reply ahead = searchWithTokenIssued(60);
    assertEquals(401, ahead.status(), ahead.body());
    assertTrue(ahead.json().getString("message").startsWith("The bearer token is not valid yet"));
  }

  /** A search with an admin's token of the service's key, issued this many seconds from now. */
  private static Reply searchWithTokenIssued(long secondsFromNow) {
    String token =
        remember(
            Tokens.signedByService(
                "admin",
                List.of("admin"),
                List.of(P1, P2),
                Tokens.ISSUER,
                Instant.now().plusSeconds(secondsFromNow)));
    return anonymous.as(token).index("project", JsonValue.EMPTY_JSON_OBJECT);
  }

  @Test
  void aTokenInTheHeaderAndADifferentOneInTheQueryIsRefused() throws Exception {
    String readerToken = remember(ApiClient.login(base, "reader", TestData.password("reader")));
    Reply reply = admin.get("v2/project/index?access-token=" + readerToken);
    assertEquals(401, reply.status(), reply.body());
    assertErrorBody(reply, 401, "Unauthorized");
  }

  /**
   * A 300 KB token is within the 1 MB of request headers that both servers' listeners read (Payara:
   * {@code header-buffer-length-bytes} in the pre-boot commands; Undertow: {@code
   * max-header-size}), so it reaches the application and is refused as any bad token is, 401 with
   * the JSON body. Never a 5xx, and the server answers the next request.
   */
  @Test
  void aHugeTokenIsRefusedWithoutAServerError() {
    String huge = "eyJ" + "A".repeat(300_000);
    for (String token : List.of(huge, huge.substring(0, 7_000))) {
      Reply reply = anonymous.as(token).alone().index("project", JsonValue.EMPTY_JSON_OBJECT);
      assertEquals(401, reply.status(), reply.body());
      assertErrorBody(reply, 401, "Unauthorized");
    }
    assertEquals(200, admin.index("project", JsonValue.EMPTY_JSON_OBJECT).status());
  }

  // --- object level ---------------------------------------------------------------------------

  @Test
  void everyVerbOnAnotherTenantsItemIsExactlyLikeAMissingId() {
    for (Map.Entry<String, String> item : foreign.entrySet()) {
      String resource = item.getKey();
      String id = item.getValue();
      JsonObject change = Json.createObjectBuilder().add("name", "taken over").build();
      List<Reply[]> pairs =
          List.of(
              new Reply[] {writer.view(resource, id), writer.view(resource, MISSING)},
              new Reply[] {
                writer.get("v2/" + resource + "/view?id=" + id),
                writer.get("v2/" + resource + "/view?id=" + MISSING)
              },
              new Reply[] {
                writer.update(resource, id, change), writer.update(resource, MISSING, change)
              },
              new Reply[] {
                writer.update(resource, id, change, "\"1\""),
                writer.update(resource, MISSING, change, "\"1\"")
              },
              new Reply[] {
                writer.delete(resource, id, null), writer.delete(resource, MISSING, null)
              },
              new Reply[] {
                writer.delete(resource, id, "true"), writer.delete(resource, MISSING, "true")
              });
      for (Reply[] pair : pairs) {
        boolean writableByWriter = !resource.equals("project") && !resource.equals("office");
        assertTrue(
            pair[0].status() == 404 || (!writableByWriter && pair[0].status() == 403),
            resource + " " + pair[0].body());
        assertEquals(
            pair[1].status(),
            pair[0].status(),
            resource
                + " missing: "
                + pair[1].body()
                + " foreign: "
                + pair[0].body()
                + " verb "
                + pairs.indexOf(pair));
        assertEquals(pair[1].body().replace(MISSING, id), pair[0].body(), resource);
      }
      assertEquals(200, admin.view(resource, id).status(), resource + " is still there");
      assertEquals(0, writer.index(resource, filterById(resource, id)).array().size(), resource);
    }
  }

  @Test
  void indexesNeverShowAnotherTenantWhateverTheFilter() {
    for (String resource : own.keySet()) {
      Reply all = writer.indexQuery(resource, "per-page=1000");
      assertEquals(200, all.status());
      assertFalse(all.body().contains(P2), resource + " leaks the other tenant");
    }
    for (String filter : List.of("project_name", "office_name", "incident_name", "action_name")) {
      Reply reply =
          writer.index(
              "incident-action",
              Json.createObjectBuilder()
                  .add(
                      "filter", Json.createObjectBuilder().add(filter, P2.equals(P2) ? "Beta" : ""))
                  .build());
      assertEquals(0, reply.array().size(), filter);
    }
    Reply byTenant = writer.indexQuery("incident", "filter[tenant_id]=" + P2);
    assertEquals(0, byTenant.array().size());
  }

  @Test
  void linksCannotBeMovedOrCreatedIntoAnotherTenant() {
    String link = own.get("incident-action");
    JsonObject before = writer.view("incident-action", link).json();
    for (JsonObject move :
        List.of(
            Json.createObjectBuilder().add("tenant_id", P2).add("subtenant_id", O2).build(),
            Json.createObjectBuilder().add("office_incident_id", foreign.get("incident")).build(),
            Json.createObjectBuilder().add("entity_id", foreign.get("action")).build())) {
      Reply reply = writer.update("incident-action", link, move);
      assertTrue(reply.status() == 403 || reply.status() == 422, move + " " + reply.body());
    }
    assertEquals(before, writer.view("incident-action", link).json());
    Reply create =
        writer.create(
            "incident-action",
            TestData.link(P2, O2, foreign.get("incident"), foreign.get("action")).build());
    assertEquals(403, create.status());
  }

  // --- mass assignment --------------------------------------------------------------------------

  @Test
  void serverOwnedFieldsInAnUpdateChangeNothing() {
    String link = own.get("incident-action");
    JsonObject before = writer.view("incident-action", link).json();
    JsonObject forged =
        Json.createObjectBuilder()
            .add("created_at", "2000-01-01T00:00:00Z")
            .add("updated_at", "2000-01-01T00:00:00Z")
            .add("action_name", "forged")
            .add("project_name", "forged")
            .add("incident_status", "closed")
            .add("office_name", "forged")
            .build();
    Reply reply = writer.update("incident-action", link, forged);
    assertEquals(200, reply.status(), reply.body());
    JsonObject after = reply.json();
    for (String field :
        List.of(
            "created_at",
            "action_name",
            "project_name",
            "incident_status",
            "office_name",
            "description",
            "entity_id")) {
      assertEquals(before.get(field), after.get(field), field);
    }
    assertNotEquals("2000-01-01T00:00:00Z", after.getString("updated_at"));
    assertEquals("new", writer.view("incident", own.get("incident")).json().getString("status"));
    assertFields(
        writer.update(
            "incident-action",
            link,
            Json.createObjectBuilder().add("office_incident_action_id", MISSING).build()),
        "office_incident_action_id");
    assertFields(
        writer.update(
            "action",
            own.get("action"),
            Json.createObjectBuilder().add("action_id", MISSING).build()),
        "action_id");
  }

  // --- injection and size -----------------------------------------------------------------------

  @Test
  void sqlAndWildcardsInEveryTextFilterAreData() {
    Map<String, List<String>> textFields =
        Map.of(
            "incident-action",
                List.of(
                    "description",
                    "action_code",
                    "action_name",
                    "incident_code",
                    "incident_name",
                    "project_name",
                    "office_name"),
            "incident",
                List.of(
                    "code",
                    "name",
                    "description_event",
                    "description_actions_involved",
                    "deponent",
                    "office_name",
                    "project_name"),
            "action", List.of("code", "name", "description", "office_name", "project_name"),
            "project", List.of("name"),
            "office", List.of("name"));
    List<String> payloads =
        List.of(
            "' OR '1'='1",
            "%",
            "_",
            "\\",
            "%' --",
            "'; DROP TABLE incident_action; --",
            "\u00e9\u0000");
    textFields.forEach(
        (resource, fields) -> {
          for (String field : fields) {
            for (String payload : payloads) {
              Reply reply =
                  writer.index(
                      resource,
                      Json.createObjectBuilder()
                          .add("filter", Json.createObjectBuilder().add(field, payload))
                          .build());
              if (payload.indexOf('\u0000') >= 0) {
                assertFields(reply, "filter[" + field + "]");
              } else {
                assertEquals(
                    200,
                    reply.status(),
                    resource + "." + field + " " + payload + ": " + reply.body());
                assertEquals(0, reply.array().size(), resource + "." + field + " " + payload);
              }
            }
          }
        });
    for (String sort :
        List.of("name;DROP TABLE project", "(SELECT 1)", "name desc", "1", "name--")) {
      assertFields(writer.indexQuery("project", "sort=" + ApiClient.enc(sort)), "sort");
    }
    assertEquals(2, totalIn(admin, "incident-action", P1, P2));
  }

  @Test
  void oversizedInputIsRefused() {
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (int i = 0; i < 100_000; i++) {
      values.add(String.format("00000000-0000-4000-8000-%012d", i));
    }
    Reply huge =
        writer.index(
            "incident-action",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("entity_id", values))
                .build());
    assertEquals(413, huge.status());
    assertErrorBody(huge, 413, "Request Entity Too Large");
    assertFields(
        writer.index(
            "incident-action", Json.createObjectBuilder().add("per-page", 100_000).build()),
        "per-page");
    Reply longUrl =
        writer.alone().indexQuery("incident-action", "filter[description]=" + "x".repeat(20_000));
    // both servers' listeners take request lines up to 1 MB: the WAR refuses it (UrlLength)
    assertEquals(414, longUrl.status());
    assertErrorBody(longUrl, 414, "Request-URI Too Long");
    assertEquals(2, totalIn(admin, "incident-action", P1, P2));
  }

  // --- token endpoint ---------------------------------------------------------------------------

  @Test
  void wrongPasswordsLookTheSameForKnownAndUnknownUsersAndRepeatedOnesLockTheNameThere() {
    Reply known = login("hostile-norole", "S3cret-guess-1");
    Reply unknown = login("nobody-" + UUID.randomUUID(), "S3cret-guess-1");
    assertEquals(401, known.status());
    assertEquals(known.status(), unknown.status());
    assertEquals(known.body(), unknown.body());
    assertEquals("invalid_grant", known.json().getString("error"));
    for (int i = 2; i <= 5; i++) {
      assertEquals(401, login("hostile-norole", "S3cret-guess-" + i).status());
    }
    Reply locked = login("hostile-norole", TestData.password("hostile-norole"));
    assertEquals(401, locked.status(), "the right password during the lock");
    assertEquals(known.body(), locked.body());
    assertEquals(
        200, login("reader", TestData.password("reader")).status(), "other users are not locked");
  }

  /**
   * Issue 26: fifty wrong passwords for {@code admin} from one address stop that address, and the
   * real admin logs in from another at once. The shared server trusts 127.0.0.1 as a proxy, so each
   * request names its client in {@code X-Forwarded-For}; the addresses are this test's alone.
   */
  @Test
  void guessesFromOneAddressStopThatAddressNotTheUserFromAnother() {
    Map<String, String> attacker = Map.of("X-Forwarded-For", "203.0.113.7");
    Reply first = login("admin", "S3cret-guess-0", attacker);
    assertEquals(401, first.status(), first.toString());
    assertEquals("invalid_grant", first.json().getString("error"));
    for (int i = 1; i < 50; i++) {
      Reply wrong = login("admin", "S3cret-guess-" + i, attacker);
      assertEquals(401, wrong.status(), wrong.toString());
      assertEquals(first.body(), wrong.body());
    }
    Reply user =
        login("admin", TestData.password("admin"), Map.of("X-Forwarded-For", "198.51.100.9"));
    assertEquals(200, user.status(), "the real user from another address: " + user);
    assertFalse(user.json().getString("access_token").isEmpty());
    Reply stopped = login("admin", TestData.password("admin"), attacker);
    assertEquals(401, stopped.status(), "the attacker, with the right password");
    assertEquals(first.body(), stopped.body());
    Reply spoofed =
        login(
            "admin",
            TestData.password("admin"),
            Map.of("X-Forwarded-For", "198.51.100.9, 203.0.113.7"));
    assertEquals(401, spoofed.status(), "an address the attacker wrote left of its own");
  }

  // --- what operators see, and what no one else does ------------------------------------------

  /**
   * Anyone but an admin is refused {@code /metrics} in the application's context. What an admin
   * reads there is checked where the WAR is deployed at the root context as in production ({@link
   * ListeningSocketsIT}): Payara adds its metrics (and health) servlet to the root context's
   * application only, and this deployment's context is {@code /incident-actions}.
   */
  @Test
  void metricsRefuseAnyoneButAnAdmin() {
    for (String path : List.of("metrics", "metrics/", "metrics/base", "metrics?scope=vendor")) {
      Reply anonymousReply = anonymous.get(path);
      assertEquals(401, anonymousReply.status(), path + ": " + anonymousReply.body());
      assertTrue(anonymousReply.header("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
      assertErrorBody(anonymousReply, 401, "Unauthorized");
      assertFalse(anonymousReply.body().contains("memory"), path);
      Reply writerReply = writer.get(path);
      assertEquals(403, writerReply.status(), path);
      assertErrorBody(writerReply, 403, "Forbidden");
    }
  }

  @Test
  void everyAnswerSaysNosniffNoStoreAndAPolicy() {
    Map<String, Reply> answers = new LinkedHashMap<>();
    answers.put("index", writer.index("project", JsonValue.EMPTY_JSON_OBJECT));
    answers.put("view of a missing item", writer.view("project", MISSING));
    answers.put("no token", anonymous.index("project", JsonValue.EMPTY_JSON_OBJECT));
    answers.put("a refused token", anonymous.as("not.a.token").view("project", MISSING));
    answers.put("unknown path", anonymous.get("v2/nothing-here/index"));
    answers.put("openapi", anonymous.get("openapi"));
    answers.put("health", anonymous.get("health"));
    answers.put("login refused", login("metrics-nobody", "S3cret-guess-headers"));
    answers.forEach(
        (what, reply) -> {
          assertEquals("nosniff", reply.header("X-Content-Type-Options").orElse(null), what);
          assertEquals("no-store", reply.header("Cache-Control").orElse(null), what);
        });
    answers.entrySet().stream()
        .filter(answer -> !answer.getKey().equals("a refused token"))
        .forEach(
            answer ->
                assertEquals(
                    "default-src 'none'; frame-ancestors 'none'",
                    answer.getValue().header("Content-Security-Policy").orElse(null),
                    answer.getKey()));
    String docsPolicy = anonymous.get("docs/").header("Content-Security-Policy").orElseThrow();
    assertTrue(docsPolicy.contains("script-src 'self'"), docsPolicy);
    assertFalse(docsPolicy.contains("unsafe-eval"), docsPolicy);
  }

  /**
   * The public JWK set is the one answer a cache may keep, for 30 s: WildFly's verifier fetches it
   * from its own server and keeps it that long ({@code org.hse.api.tokens.ServedKeysLocation}); one
   * value, which replaced the application's {@code no-store} rather than joined it.
   */
  @Test
  void theJwksMayBeKeptThirtySeconds() {
    Reply certs = anonymous.get("realms/hse/protocol/openid-connect/certs");
    assertEquals(200, certs.status(), certs.toString());
    List<String> cacheControl =
        certs.headers().entrySet().stream()
            .filter(header -> "Cache-Control".equalsIgnoreCase(header.getKey()))
            .flatMap(header -> header.getValue().stream())
            .toList();
    assertEquals(List.of("max-age=30"), cacheControl);
  }

  private static Reply login(String user, String password) {
    return login(user, password, Map.of());
  }

  private static Reply login(String user, String password, Map<String, String> headers) {
    return anonymous.passwordGrant(user, password, headers);
  }

  private static JsonObject filterById(String resource, String id) {
    String key =
        switch (resource) {
          case "incident-action" -> "office_incident_action_id";
          case "incident" -> "office_incident_id";
          default -> resource + "_id";
        };
    return Json.createObjectBuilder()
        .add("filter", Json.createObjectBuilder().add(key, id))
        .build();
  }

  private static String hs256WithPublicKey(List<String> roles, List<String> tenants)
      throws Exception {
    Reply certs = anonymous.get("realms/hse/protocol/openid-connect/certs");
    RSAKey publicKey = (RSAKey) JWKSet.parse(certs.body()).getKeys().get(0);
    byte[] secret = publicKey.toRSAPublicKey().getEncoded();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(Tokens.ISSUER)
            .subject("admin")
            .claim("upn", "admin")
            .claim("groups", roles)
            .claim("tenants", tenants)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(), claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  private static String remember(String token) {
    String[] parts = token.split("\\.");
    secrets.add(parts.length == 3 && parts[2].length() > 16 ? parts[2] : token);
    return token;
  }

  /** What the server these tests attacked printed: the shared server's log. */
  private static String serverLog() throws IOException {
    Path log = SharedServer.log();
    return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
  }
}
