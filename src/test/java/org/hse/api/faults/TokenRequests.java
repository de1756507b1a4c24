package org.hse.api.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.hse.api.ApiClient;
import org.hse.api.ApiClient.Reply;
import org.hse.api.TestData;

/**
 * The requests of the built-in token endpoint that the multi-instance tests send to an instance or
 * to the balancer: the password grant, the refresh grant, and the key id a token's header names.
 */
final class TokenRequests {

  /** An access token and its refresh token. */
  record Tokens(String access, String refresh) {}

  private TokenRequests() {}

  /** Logs in a user of {@code test-users.json} with its password; must answer 200. */
  static Tokens login(URI base, String user) {
    Reply reply = password(base, user, TestData.password(user));
    assertEquals(200, reply.status(), "login of " + user + " at " + base + ": " + reply);
    return new Tokens(
        reply.json().getString("access_token"), reply.json().getString("refresh_token"));
  }

  /** The password grant, as sent: whatever it answers. */
  static Reply password(URI base, String user, String password) {
    return password(base, user, password, Map.of());
  }

  /** The same with these request headers (name to value). */
  static Reply password(URI base, String user, String password, Map<String, String> headers) {
    return tokenRequest(
        base,
        Map.of(
            "grant_type", "password", "client_id", "api", "username", user, "password", password),
        headers);
  }

  /** The refresh grant, as sent: whatever it answers. */
  static Reply refresh(URI base, String refreshToken) {
    return tokenRequest(
        base,
        Map.of("grant_type", "refresh_token", "client_id", "api", "refresh_token", refreshToken),
        Map.of());
  }

  /** The {@code kid} of a token's header: the key generation that signed it. */
  static String kid(String token) {
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(header)).readObject().getString("kid");
  }

  private static Reply tokenRequest(
      URI base, Map<String, String> form, Map<String, String> headers) {
    return new ApiClient(base, null)
        .send(
            "POST",
            "realms/hse/protocol/openid-connect/token",
            ApiClient.form(form),
            "application/x-www-form-urlencoded",
            headers);
  }
}
