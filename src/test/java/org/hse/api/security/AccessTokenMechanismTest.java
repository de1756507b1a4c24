package org.hse.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.hse.api.LogCapture;
import org.hse.api.metrics.Meters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenMechanismTest {

  private LogCapture log;

  @BeforeEach
  void captureTheRefusals() {
    log = LogCapture.of(AccessTokenMechanism.REFUSALS.getName());
  }

  @AfterEach
  void releaseTheRefusals() {
    log.close();
  }

  @Test
  void readsTheTokenFromTheRawQueryString() {
    assertEquals(Set.of(), AccessTokenMechanism.queryTokens(null));
    assertEquals(Set.of(), AccessTokenMechanism.queryTokens("page=2&per-page=20"));
    assertEquals(Set.of("a.b.c"), AccessTokenMechanism.queryTokens("page=2&access-token=a.b.c"));
    assertEquals(Set.of("a.b.c"), AccessTokenMechanism.queryTokens("access%2Dtoken=a.b%2Ec"));
    assertEquals(
        Set.of("a.b.c"), AccessTokenMechanism.queryTokens("access-token=a.b.c&access-token=a.b.c"));
    assertEquals(2, AccessTokenMechanism.queryTokens("access-token=x&access-token=y").size());
    assertEquals(Set.of(""), AccessTokenMechanism.queryTokens("access-token"));
  }

  /**
   * A request that names two tokens is refused before the server's mechanism sees it: one line on
   * the refusals' logger, with the reason, method, path and client, and nothing of either token.
   */
  @Test
  void aRefusedTokenIsOneLineWithTheReasonMethodPathAndClientAndNoToken() throws Exception {
    AccessTokenMechanism mechanism = new AccessTokenMechanism();
    mechanism.meters = Meters.NONE;
    StringWriter body = new StringWriter();
    HttpServletRequest request =
        request(
            "GET",
            "/v2/project/index",
            "page=2&access-token=eyJfirst.payload.sig1&access-token=eyJsecond.payload.sig2",
            "192.0.2.7");
    AuthenticationStatus status = mechanism.validateRequest(request, response(body), null);
    assertEquals(AuthenticationStatus.SEND_FAILURE, status);
    assertEquals(1, log.records().size(), "one line per refusal");
    LogRecord line = log.records().get(0);
    assertEquals(Level.INFO, line.getLevel());
    assertEquals("org.hse.api.security.TokenRefusals", line.getLoggerName());
    assertEquals(
        "Token refused: reason=ambiguous method=GET path=/v2/project/index client=192.0.2.7",
        line.getMessage());
    assertNull(line.getThrown(), "no stack trace");
    assertFalse(line.getMessage().contains("eyJ"), line.getMessage());
    assertFalse(body.toString().contains("eyJ"), body.toString());
  }

  @Test
  void theLineNamesEachClassOfRefusalAsTheMetricDoesAndCutsALongPath() {
    AccessTokenMechanism.logRefusal(
        request("POST", "/v2/incident/create", "access-token=eyJx.y.z", "2001:db8::1"),
        TokenRefusal.NOT_YET_VALID.reason());
    String longPath = "/v2/" + "x".repeat(5_000);
    AccessTokenMechanism.logRefusal(request("GET", longPath, null, "127.0.0.1"), "expired");
    assertEquals(
        "Token refused: reason=not_yet_valid method=POST path=/v2/incident/create"
            + " client=2001:db8::1",
        log.records().get(0).getMessage());
    assertEquals(
        "Token refused: reason=expired method=GET path="
            + longPath.substring(0, AccessTokenMechanism.LOGGED_PATH)
            + "... client=127.0.0.1",
        log.records().get(1).getMessage());
  }

  /** A request as the servlet container hands it over, at the root context. */
  private static HttpServletRequest request(
      String method, String uri, String query, String client) {
    Map<String, Object> answers =
        new java.util.HashMap<>(
            Map.of(
                "getMethod", method,
                "getRequestURI", uri,
                "getContextPath", "",
                "getRemoteAddr", client));
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            AccessTokenMechanismTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, args) ->
                switch (called.getName()) {
                  case "getQueryString" -> query;
                  case "getHeader" -> null;
                  case "getInputStream" -> emptyBody();
                  default -> {
                    if (!answers.containsKey(called.getName())) {
                      throw new UnsupportedOperationException(called.getName());
                    }
                    yield answers.get(called.getName());
                  }
                });
  }

  /** A request body with nothing in it, which the mechanism reads to its end after a 401. */
  private static ServletInputStream emptyBody() {
    return new ServletInputStream() {
      @Override
      public boolean isFinished() {
        return true;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {}

      @Override
      public int read() {
        return -1;
      }
    };
  }

  /** A response that is never committed, whose body goes to {@code body}. */
  private static HttpServletResponse response(StringWriter body) {
    PrintWriter writer = new PrintWriter(body);
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            AccessTokenMechanismTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, called, args) ->
                switch (called.getName()) {
                  case "isCommitted" -> false;
                  case "getWriter" -> writer;
                  case "flushBuffer" -> {
                    writer.flush();
                    yield null;
                  }
                  default -> null;
                });
  }
}
