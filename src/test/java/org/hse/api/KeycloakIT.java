package org.hse.api;

import static org.hse.api.TestData.P1;
import static org.hse.api.TestData.P2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hse.api.ApiClient.Reply;
import org.hse.api.keycloak.KeycloakAdmin;
import org.hse.api.keycloak.KeycloakExtension;
import org.hse.api.keycloak.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The packaged WAR against a real Keycloak, configured as in production by environment variables
 * only: {@code MP_JWT_VERIFY_ISSUER} = the realm's issuer, {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}
 * = its JWKS and {@code MP_JWT_VERIFY_AUDIENCES} = {@code api}, on a server of its own ({@link
 * SharedServer#launch}: Payara Micro, or WildFly with {@code -P wildfly}) that starts beside
 * Keycloak, on the port the build reserved for it.
 *
 * <p>Users with roles and tenants are created through Keycloak's admin REST API, log in with the
 * password grant of the realm export's public client {@code api}, and call the API: what roles and
 * tenants allow, forbid and hide, refresh, tokens of another realm, and a signing key rotation that
 * the running service follows without a restart. The last test rotates the key, so it runs last.
 *
 * <p>The class runs beside the others ({@code @Execution(CONCURRENT)}; the failsafe configuration
 * enables JUnit's parallel execution, and every other class keeps running one after another): its
 * two servers boot, and its key rotation waits out the service's key cache, while the rest of the
 * suite runs, rather than adding about 70 s after it. Its own tests run in their order, one after
 * another: the class holds a resource lock of its own, and JUnit runs the tests of a class that
 * holds one in one thread (without it they inherit the class's concurrent mode, and ran at once).
 * {@code -Dkeycloak.it.skip=true} skips it.
 */
@ExtendWith(KeycloakExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("keycloak")
@DisabledIfSystemProperty(named = "keycloak.it.skip", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

  static final String REALM = KeycloakServer.REALM;
  static final String O1 = "41111111-1111-4111-8111-111111111111";
  static final String O2 = "42222222-2222-4222-8222-222222222222";

  /**
   * How long the service may keep a JWKS it fetched: {@code publicKey.cache.ttl} of {@code
   * payara-mp-jwt.properties} on Payara (Keycloak answers the JWKS with {@code Cache-Control:
   * no-cache}, which sets no {@code max-age}, so the service's own TTL applies); on WildFly the
   * minute SmallRye JWT waits between two refetches for an unknown key id ({@code
   * smallrye.jwt.jwks.forced-refresh-interval}), counted from the refetch that a token of another
   * realm caused just before.
   */
  static final Duration JWKS_CACHE_TTL =
      SharedServer.onWildFly() ? Duration.ofSeconds(60) : Duration.ofSeconds(30);

  static KeycloakAdmin keycloak;
  static RuntimeException setupFailure;
  static final Map<String, String> PASSWORDS = new HashMap<>();
  static ApiClient anonymous;
  static ApiClient admin;
  static ApiClient writer;
  static ApiClient reader;
  static ApiClient other;
  static String writerIncident;
  static String otherIncident;

  static StartedServer<AutoCloseable> service;

  /** The service, configured for the realm of the Keycloak that the extension is starting. */
  @BeforeAll
  static void startTheService() {
    KeycloakServer server = KeycloakExtension.server();
    service =
        SharedServer.launch(
            "keycloak",
            Map.of(
                "MP_JWT_VERIFY_ISSUER",
                server.issuer(REALM),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                server.realmUrl().resolve(REALM + "/protocol/openid-connect/certs").toString(),
                "MP_JWT_VERIFY_AUDIENCES",
                "api",
                "DATA_DIR",
                Path.of("target", "keycloak-server", "data").toAbsolutePath().toString()));
  }

  @AfterAll
  static void stopTheService() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  @BeforeEach
  void world() throws Exception {
    if (keycloak != null) {
      return;
    }
    if (setupFailure != null) {
      throw new IllegalStateException("Keycloak set-up failed before", setupFailure);
    }
    KeycloakServer server = KeycloakExtension.server();
    try {
      server.awaitReady();
    } catch (RuntimeException e) {
      setupFailure = e;
      throw e;
    }
    KeycloakAdmin kc = server.admin();
    user(kc, REALM, "kc-admin", List.of("admin"), List.of());
    user(kc, REALM, "kc-writer", List.of("writer"), List.of(P1));
    user(kc, REALM, "kc-reader", List.of("reader"), List.of(P1));
    user(kc, REALM, "kc-other", List.of("writer"), List.of(P2));

    anonymous = new ApiClient(service.base(), null);
    admin = anonymous.as(accessToken(kc, "kc-admin"));
    writer = anonymous.as(accessToken(kc, "kc-writer"));
    reader = anonymous.as(accessToken(kc, "kc-reader"));
    other = anonymous.as(accessToken(kc, "kc-other"));

    TestWorld world = TestWorld.on(service.base());
    world.project(admin, TestData.project(P1, "Kappa Safety"));
    world.project(admin, TestData.project(P2, "Lambda Works"));
    world.office(admin, O1, P1, "Kappa plant");
    world.office(admin, O2, P2, "Lambda site");
    writerIncident =
        world.create(writer, "incident", TestData.incident(P1, O1, "KC-1", "Ladder fall"));
    otherIncident =
        world.create(other, "incident", TestData.incident(P2, O2, "KC-2", "Lambda spill"));
    keycloak = kc;
  }

  @Test
  @Order(1)
  void aWriterCreatesAndReadsInItsTenant() {
    Reply created =
        writer.create("incident", TestData.incident(P1, O1, "KC-3", "Pinched finger").build());
    assertEquals(201, created.status(), created.body());
    String id = incidentId(created);
    Reply view = writer.view("incident", id);
    assertEquals(200, view.status(), view.body());
    assertEquals("Kappa Safety", view.json().getString("project_name"));
    assertTrue(incidentIds(writer).containsAll(Set.of(id, writerIncident)));
  }

  @Test
  @Order(2)
  void aReaderReadsButMayNotCreate() {
    assertEquals(200, reader.view("incident", writerIncident).status());
    Reply create =
        reader.create("incident", TestData.incident(P1, O1, "KC-4", "Not allowed").build());
    assertEquals(403, create.status(), create.body());
  }

  @Test
  @Order(3)
  void anotherTenantsItemIsInvisible() {
    Reply view = writer.view("incident", otherIncident);
    assertEquals(404, view.status(), view.body());
    assertEquals(404, writer.delete("incident", otherIncident, "true").status());
    assertFalse(incidentIds(writer).contains(otherIncident));
    assertEquals(Set.of(otherIncident), incidentIds(other));
    Reply foreignCreate =
        writer.create("incident", TestData.incident(P2, O2, "KC-5", "Wrong tenant").build());
    assertEquals(403, foreignCreate.status(), foreignCreate.body());
  }

  @Test
  @Order(4)
  void anAdminSeesEveryTenant() {
    assertTrue(incidentIds(admin).containsAll(Set.of(writerIncident, otherIncident)));
  }

  @Test
  @Order(5)
  void aRefreshedTokenIsAccepted() {
    JsonObject first = keycloak.passwordGrant(REALM, "kc-writer", PASSWORDS.get("kc-writer"));
    JsonObject refreshed = keycloak.refreshGrant(REALM, first.getString("refresh_token"));
    String token = refreshed.getString("access_token");
    assertNotEquals(first.getString("access_token"), token);
    Reply view = anonymous.as(token).view("incident", writerIncident);
    assertEquals(200, view.status(), view.body());
  }

  @Test
  @Order(6)
  void aKeycloakTokenWorksAsTheAccessTokenParameter() {
    String token = accessToken(keycloak, "kc-reader");
    Reply view =
        anonymous.get(
            "v2/incident/view/" + writerIncident + "?access-token=" + ApiClient.enc(token));
    assertEquals(200, view.status(), view.body());
  }

  @Test
  @Order(7)
  void tokensOfAnotherRealmAreRefused() throws IOException {
    // Keycloak's admin-cli tokens carry no sub, which MicroProfile JWT requires before the issuer
    assertRefused(
        anonymous.as(keycloak.adminToken()).indexQuery("incident", ""),
        "The bearer token lacks a required claim");

    JsonObject export;
    try (Reader file =
        Files.newBufferedReader(Path.of(System.getProperty("keycloak.realm.file")))) {
      export = Json.createReader(file).readObject();
    }
    keycloak.createRealm(Json.createObjectBuilder(export).add("realm", "intruder").build());
    user(keycloak, "intruder", "intruder-admin", List.of("admin"), List.of(P1, P2));
    String intruder =
        keycloak
            .passwordGrant("intruder", "intruder-admin", PASSWORDS.get("intruder-admin"))
            .getString("access_token");
    assertRefused(
        anonymous.as(intruder).indexQuery("incident", ""),
        "The bearer token's issuer is not accepted.");
    assertUnauthorized(anonymous.as(intruder).view("incident", writerIncident));
  }

  @Test
  @Order(8)
  void aTokenIssuedToAnotherClientOfTheRealmIsRefused() {
    // every realm has the public client admin-cli; the service only accepts aud "api"
    // (MP_JWT_VERIFY_AUDIENCES), which the realm export's audience mapper puts into api's tokens
    String token =
        keycloak
            .passwordGrant(REALM, "admin-cli", "kc-writer", PASSWORDS.get("kc-writer"))
            .getString("access_token");
    // admin-cli's tokens lack sub, so this is the class named; a token of the realm's own client
    // without the audience mapper is named "audience" (TokenRefusalTest)
    Reply refused = anonymous.as(token).view("incident", writerIncident);
    assertRefused(refused, "The bearer token lacks a required claim");
    assertFalse(refused.body().contains("admin-cli"), refused.body());
  }

  @Test
  @Order(9)
  void theBuiltInTokenEndpointIsOff() {
    Reply login = anonymous.passwordGrant("kc-writer", PASSWORDS.get("kc-writer"), Map.of());
    assertEquals(404, login.status(), login.body());
    assertEquals(404, anonymous.get("realms/hse/protocol/openid-connect/certs").status());
  }

  /**
   * The docs page logs in where the document's token URL points, Keycloak's: its policy lets it
   * connect to Keycloak's origin besides its own.
   */
  @Test
  @Order(10)
  void theDocsPageMayConnectToKeycloak() {
    Reply page = anonymous.get("docs/");
    assertEquals(200, page.status(), page.toString());
    String policy = page.header("Content-Security-Policy").orElseThrow();
    assertTrue(
        policy.contains(
            "; connect-src 'self' http://127.0.0.1:" + System.getProperty("keycloak.port") + ";"),
        policy);
  }

  @Test
  @Order(100)
  void afterAKeyRotationNewTokensAreAcceptedWithoutARestart() {
    String oldToken = accessToken(keycloak, "kc-writer");
    assertEquals(200, anonymous.as(oldToken).view("incident", writerIncident).status());
    String oldKid = keyId(oldToken);

    keycloak.rotateSigningKey(REALM);
    Set<String> published = keycloak.publishedKeyIds(REALM);
    assertFalse(published.contains(oldKid), "the old key left the JWKS: " + published);
    String newToken = accessToken(keycloak, "kc-writer");
    String newKid = keyId(newToken);
    assertNotEquals(oldKid, newKid);
    assertTrue(published.contains(newKid));

    Instant rotated = Instant.now();
    Instant deadline = rotated.plus(JWKS_CACHE_TTL).plusSeconds(30);
    Reply view = anonymous.as(newToken).view("incident", writerIncident);
    while (view.status() == 401 && Instant.now().isBefore(deadline)) {
      ChildProcess.sleep(Duration.ofSeconds(1));
      view = anonymous.as(newToken).view("incident", writerIncident);
    }
    assertEquals(
        200,
        view.status(),
        "a token of the new key, "
            + Duration.between(rotated, Instant.now()).toSeconds()
            + " s after the rotation: "
            + view.body());
    assertUnauthorized(anonymous.as(oldToken).view("incident", writerIncident));
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static void user(
      KeycloakAdmin kc, String realm, String name, List<String> roles, List<String> tenants) {
    String password = randomPassword();
    kc.createUser(realm, name, password, roles, tenants);
    PASSWORDS.put(name, password);
  }

  private static String accessToken(KeycloakAdmin kc, String name) {
    return kc.passwordGrant(REALM, name, PASSWORDS.get(name)).getString("access_token");
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The {@code kid} of a JWT's header. */
  private static String keyId(String jwt) {
    String header =
        new String(
            Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
            StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(header)).readObject().getString("kid");
  }

  private static Set<String> incidentIds(ApiClient client) {
    Reply reply = client.indexQuery("incident", "per-page=1000");
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream()
        .map(JsonValue::asJsonObject)
        .map(item -> item.getString("office_incident_id"))
        .collect(Collectors.toSet());
  }

  private static void assertUnauthorized(Reply reply) {
    assertEquals(401, reply.status(), reply.body());
    assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(401, reply.json().getInt("status"), reply.body());
  }

  /** A 401 whose message names the class of failure and no expected value. */
  private static void assertRefused(Reply reply, String messageStart) {
    assertUnauthorized(reply);
    assertTrue(reply.json().getString("message").startsWith(messageStart), reply.body());
    assertFalse(reply.body().contains("/realms/"), reply.body());
  }

  private static String incidentId(Reply reply) {
    return reply.json().getString("office_incident_id");
  }
}
