package org.hse.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A black-box client of the v2 API that mirrors the resources' verbs, for tests that see the
 * service only as a client does: status, headers and body.
 */
public final class ApiClient {

  private static final HttpClient SHARED = newHttpClient();

  private final URI base;
  private final String token;
  private final HttpClient http;

  public ApiClient(URI base, String token) {
    this(base, token, SHARED);
  }

  private ApiClient(URI base, String token, HttpClient http) {
    this.base = base;
    this.token = token;
    this.http = http;
  }

  private static HttpClient newHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** A client of the same service with another caller's token (null: no token). */
  public ApiClient as(String otherToken) {
    return new ApiClient(base, otherToken, http);
  }

  /**
   * The same caller on connections of its own, for a request after which the server may close the
   * connection (an oversized request line or header), so that no other request reuses it.
   */
  public ApiClient alone() {
    return new ApiClient(base, token, newHttpClient());
  }

  /** The bearer token this client sends, or null. */
  public String token() {
    return token;
  }

  public URI base() {
    return base;
  }

  /** A token from the built-in token endpoint with the password grant. */
  public static String login(URI base, String username, String password) {
    Reply reply = new ApiClient(base, null).passwordGrant(username, password, Map.of());
    if (reply.status() != 200) {
      throw new IllegalStateException("login of " + username + " failed: " + reply);
    }
    return reply.json().getString("access_token");
  }

  /** The built-in token endpoint's answer to the password grant, with these extra headers. */
  public Reply passwordGrant(String username, String password, Map<String, String> headers) {
    return send(
        "POST",
        "realms/hse/protocol/openid-connect/token",
        form(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "api",
                "username",
                username,
                "password",
                password)),
        "application/x-www-form-urlencoded",
        headers);
  }

  public Reply index(String resource, JsonObject body) {
    return post("v2/" + resource + "/index", body.toString());
  }

  public Reply indexQuery(String resource, String query) {
    return get("v2/" + resource + "/index" + (query.isEmpty() ? "" : "?" + query));
  }

  public Reply create(String resource, JsonObject body) {
    return post("v2/" + resource + "/create", body.toString());
  }

  public Reply view(String resource, String id) {
    return get("v2/" + resource + "/view/" + id);
  }

  public Reply update(String resource, String id, JsonObject body) {
    return send(
        "PUT", "v2/" + resource + "/update/" + id, body.toString(), "application/json", Map.of());
  }

  public Reply update(String resource, String id, JsonObject body, String ifMatch) {
    return send(
        "PUT",
        "v2/" + resource + "/update/" + id,
        body.toString(),
        "application/json",
        Map.of("If-Match", ifMatch));
  }

  public Reply delete(String resource, String id, String force) {
    return send(
        "DELETE",
        "v2/" + resource + "/delete/" + id + (force == null ? "" : "?force=" + force),
        null,
        "application/json",
        Map.of());
  }

  public Reply get(String path) {
    return send("GET", path, null, "application/json", Map.of());
  }

  public Reply post(String path, String body) {
    return send("POST", path, body, "application/json", Map.of());
  }

  /**
   * Any request; a real client's habit of sending a JSON Content-Type on bodiless requests kept.
   */
  public Reply send(
      String method, String path, String body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** What the service answered. */
  public record Reply(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public JsonValue value() {
      return Json.createReader(new StringReader(body)).readValue();
    }

    public JsonObject json() {
      return value().asJsonObject();
    }

    public JsonArray array() {
      return value().asJsonArray();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
