package org.hse.api.tokens;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Requests that this server sends to its own API over HTTP, signed with a token of the built-in
 * endpoint's keys that never leaves the process: WildFly's readiness probe ({@link
 * ServedKeysProbe}) and the warm-up before ready ({@code org.hse.api.platform.WarmUp}).
 *
 * <p>The token names a caller of no tenant with the roles given, and is signed again once a minute
 * for as long as the requests go on, well within any token lifetime. Each instance holds one HTTP
 * client, for as long as its user holds it: a client keeps a selector thread while it is reachable,
 * which a server that sends no such request has no use for.
 */
public final class SelfRequests {

  private static final Duration TOKEN_RENEWAL = Duration.ofSeconds(60);

  private final Supplier<String> signer;
  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  private volatile String token;
  private volatile Instant signed = Instant.MIN;

  SelfRequests(URI base, Supplier<String> signer, Duration timeout) {
    this.signer = signer;
    this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * Requests to {@code base} as the caller {@code user} of no tenant with these roles, with a token
   * of the built-in endpoint's keys.
   *
   * @param base this server's address with the application's context path ({@link OwnServer})
   * @param user the name the token and the access log show
   */
  public static SelfRequests as(
      TokenService tokens, String user, List<String> roles, URI base, Duration timeout) {
    UserAccount caller = new UserAccount(user, "", roles, List.of());
    return new SelfRequests(base, () -> tokens.issuer().issue(caller).accessToken(), timeout);
  }

  /** Where the requests go. */
  public URI base() {
    return base;
  }

  /** A GET of {@code path}, relative to the base, e.g. {@code v2/project/index?per-page=1}. */
  public Answer get(String path) {
    return send(path, HttpRequest.newBuilder().GET());
  }

  /** A POST of a JSON body to {@code path}, relative to the base. */
  public Answer post(String path, String json) {
    return send(
        path,
        HttpRequest.newBuilder()
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A status and a body; {@link #NONE} without an answer, or without a token. */
  public record Answer(int status, String body) {

    /** No answer: the server did not answer, or no token could be signed yet. */
    public static final Answer NONE = new Answer(-1, "");

    public boolean answered() {
      return status > 0;
    }

    /** The body's items, when it is a 200 with a JSON array; else none. */
    public JsonArray items() {
      if (status != 200 || !body.startsWith("[")) {
        return JsonValue.EMPTY_JSON_ARRAY;
      }
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readArray();
      }
    }
  }

  private Answer send(String path, HttpRequest.Builder request) {
    String bearer;
    try {
      bearer = token();
    } catch (RuntimeException e) {
      return Answer.NONE;
    }
    try {
      HttpResponse<String> response =
          http.send(
              request
                  .uri(base.resolve(path))
                  .timeout(timeout)
                  .header("Authorization", "Bearer " + bearer)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return Answer.NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.NONE;
    }
  }

  /**
   * The token, signed again when it is a minute old; a signing that fails (the keys not read from
   * the database yet) throws, and is tried again on the next request.
   */
  private String token() {
    Instant now = Instant.now();
    if (token == null || now.isAfter(signed.plus(TOKEN_RENEWAL))) {
      token = signer.get();
      signed = now;
    }
    return token;
  }
}
