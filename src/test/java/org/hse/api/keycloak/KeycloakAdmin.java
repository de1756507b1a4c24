package org.hse.api.keycloak;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Keycloak test does to Keycloak: its admin REST API as the bootstrap admin (a
 * master-realm token of {@code admin-cli}, renewed before it expires) and the OpenID token endpoint
 * of a realm with the password and refresh-token grants of the public client {@code api}.
 */
public final class KeycloakAdmin {

  /** The public client of the realm export. */
  public static final String CLIENT = "api";

  private static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
  private static final String RSA_GENERATED = "rsa-generated";
  private static final Duration RENEW_AFTER = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String username;
  private final String password;
  private String token;
  private Instant tokenTime;

  private KeycloakAdmin(URI base, String username, String password) {
    this.base = base;
    this.username = username;
    this.password = password;
  }

  static KeycloakAdmin login(URI base, String username, String password) {
    KeycloakAdmin admin = new KeycloakAdmin(base, username, password);
    admin.adminToken();
    return admin;
  }

  /** The bootstrap admin's own access token: a token of the master realm. */
  public synchronized String adminToken() {
    if (token == null || Instant.now().isAfter(tokenTime.plus(RENEW_AFTER))) {
      JsonObject reply =
          tokenRequest(
              "master",
              Map.of(
                  "grant_type",
                  "password",
                  "client_id",
                  "admin-cli",
                  "username",
                  username,
                  "password",
                  password));
      token = reply.getString("access_token");
      tokenTime = Instant.now();
    }
    return token;
  }

  /** Creates a realm from its representation (e.g. a copy of the realm export). */
  public void createRealm(JsonObject representation) {
    expect(201, send("POST", "admin/realms", representation), "create realm");
  }

  /**
   * Creates an enabled user with a password, first and last name and e-mail (the default user
   * profile requires them, else the password grant answers "Account is not fully set up"), the
   * {@code tenants} attribute and realm roles.
   *
   * @return the user's id
   */
  public String createUser(
      String realm,
      String name,
      String userPassword,
      Collection<String> roles,
      Collection<String> tenants) {
    JsonArrayBuilder tenantValues = Json.createArrayBuilder();
    tenants.forEach(tenantValues::add);
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", name)
            .add("enabled", true)
            .add("email", name + "@example.test")
            .add("emailVerified", true)
            .add("firstName", "Test")
            .add("lastName", name)
            .add("attributes", Json.createObjectBuilder().add("tenants", tenantValues))
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", userPassword)
                            .add("temporary", false)))
            .build();
    HttpResponse<String> created = send("POST", "admin/realms/" + realm + "/users", user);
    expect(201, created, "create user " + name);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    if (!roles.isEmpty()) {
      JsonArrayBuilder mappings = Json.createArrayBuilder();
      for (String role : roles) {
        HttpResponse<String> found = send("GET", "admin/realms/" + realm + "/roles/" + role, null);
        expect(200, found, "read role " + role);
        mappings.add(json(found.body()));
      }
      expect(
          204,
          send(
              "POST",
              "admin/realms/" + realm + "/users/" + id + "/role-mappings/realm",
              mappings.build()),
          "grant roles to " + name);
    }
    return id;
  }

  /** The password grant of the client {@code api}: Keycloak's token response. */
  public JsonObject passwordGrant(String realm, String name, String userPassword) {
    return passwordGrant(realm, CLIENT, name, userPassword);
  }

  /** The password grant of a public client: Keycloak's token response. */
  public JsonObject passwordGrant(String realm, String client, String name, String userPassword) {
    return tokenRequest(
        realm,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            client,
            "username",
            name,
            "password",
            userPassword));
  }

  /** The refresh-token grant of the client {@code api}: Keycloak's token response. */
  public JsonObject refreshGrant(String realm, String refreshToken) {
    return tokenRequest(
        realm,
        Map.of("grant_type", "refresh_token", "client_id", CLIENT, "refresh_token", refreshToken));
  }

  /** The key ids the realm publishes in its JWKS. */
  public Set<String> publishedKeyIds(String realm) {
    HttpResponse<String> jwks =
        send("GET", "realms/" + realm + "/protocol/openid-connect/certs", null);
    expect(200, jwks, "read the JWKS");
    return json(jwks.body()).getJsonArray("keys").stream()
        .map(key -> key.asJsonObject().getString("kid"))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Rotates the realm's RS256 signing key: adds a new {@code rsa-generated} key provider with a
   * higher priority than every existing one (Keycloak signs with it at once), then deletes the
   * previous {@code rsa-generated} providers, whose keys leave the JWKS.
   */
  public void rotateSigningKey(String realm) {
    HttpResponse<String> realmRead = send("GET", "admin/realms/" + realm, null);
    expect(200, realmRead, "read realm");
    String realmId = json(realmRead.body()).getString("id");
    HttpResponse<String> listed =
        send("GET", "admin/realms/" + realm + "/components?type=" + KEY_PROVIDER, null);
    expect(200, listed, "list key providers");
    JsonArray providers = Json.createReader(new StringReader(listed.body())).readArray();
    int highest = 0;
    Set<String> previous = new LinkedHashSet<>();
    for (JsonValue value : providers) {
      JsonObject provider = value.asJsonObject();
      JsonArray priority = provider.getJsonObject("config").getJsonArray("priority");
      if (priority != null && !priority.isEmpty()) {
        highest = Math.max(highest, Integer.parseInt(priority.getString(0)));
      }
      if (RSA_GENERATED.equals(provider.getString("providerId"))) {
        previous.add(provider.getString("id"));
      }
    }
    JsonObject rotated =
        Json.createObjectBuilder()
            .add("name", "rsa-rotated-" + Instant.now().getEpochSecond())
            .add("providerId", RSA_GENERATED)
            .add("providerType", KEY_PROVIDER)
            .add("parentId", realmId)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("priority", Json.createArrayBuilder().add(String.valueOf(highest + 100)))
                    .add("enabled", Json.createArrayBuilder().add("true"))
                    .add("active", Json.createArrayBuilder().add("true"))
                    .add("algorithm", Json.createArrayBuilder().add("RS256"))
                    .add("keySize", Json.createArrayBuilder().add("2048")))
            .build();
    expect(201, send("POST", "admin/realms/" + realm + "/components", rotated), "add the new key");
    for (String id : previous) {
      expect(
          204,
          send("DELETE", "admin/realms/" + realm + "/components/" + id, null),
          "remove the old key");
    }
  }

  private JsonObject tokenRequest(String realm, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("realms/" + realm + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = exchange(request);
    expect(200, response, form.get("grant_type") + " grant in realm " + realm);
    return json(response.body());
  }

  private HttpResponse<String> send(String method, String path, JsonValue body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + adminToken())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return exchange(request.build());
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expect(int status, HttpResponse<String> response, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "Keycloak: " + what + " answered " + response.statusCode() + " " + response.body());
    }
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
