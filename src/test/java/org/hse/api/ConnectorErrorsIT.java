package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The errors of requests that the HTTP connector could refuse before the application sees them, as
 * a client meets them on the raw wire: an unknown path, an encoded slash, a URL or a header far
 * over the usual 8 KB, malformed percent-encoding. The contract wants the JSON error body and a
 * {@code Date} on every one; where a server's connector answers on its own and no setting changes
 * that, the test writes down its exact answer and why, so that a server upgrade that changes it
 * fails here. On the {@link SharedServer}.
 */
@ExtendWith(SharedServer.class)
class ConnectorErrorsIT {

  /** A record at Payara's SEVERE or WildFly's ERROR level, or a line of a stack trace. */
  private static final Pattern FAILURE =
      Pattern.compile("SEVERE|\\bERROR\\b|^\\s+at [\\w.$]+\\(", Pattern.MULTILINE);

  private static String token;

  @BeforeAll
  static void login() {
    token = ApiClient.login(SharedServer.base(), "reader", TestData.password("reader"));
  }

  @Test
  void unknownPathsAndEncodedSlashesAreTheApplicationsJson() {
    for (String path : List.of("nothing/here", "v2/nothing/here")) {
      String answer = get(path, Map.of());
      assertJsonError(answer, 404, "Not Found", path);
      assertTrue(RawHttp.body(answer).contains("\"No such resource.\""), answer);
    }
    assertJsonError(get("v2/office/view/a%2Fb", Map.of()), 404, "Not Found", "%2F");
  }

  /**
   * A URL over 8,192 characters is 414 on every server: Payara's listener now reads request lines
   * and headers up to 1 MB, as Undertow does, and hands them to the application ({@code
   * org.hse.api.platform.UrlLength}).
   */
  @Test
  void urlsOverTheLimitAre414() {
    for (String path :
        List.of(
            "v2/office/" + "x".repeat(9_000),
            "v2/office/index?q=" + "x".repeat(9_000),
            "v2/office/" + "x".repeat(100_000))) {
      assertJsonError(get(path, Map.of()), 414, "Request-URI Too Long", path.length() + " chars");
    }
  }

  /** A header of 70 KB is within the connector's 1 MB: the request reaches the application. */
  @Test
  void aLargeHeaderReachesTheApplication() {
    String answer = get("nothing/here", Map.of("X-Padding", "p".repeat(70_000)));
    assertJsonError(answer, 404, "Not Found", "a 70 KB header");
  }

  /**
   * Both listeners take 200 request headers (Payara: {@code max-request-headers} in the pre-boot
   * commands; Undertow: {@code max-headers}) and answer more themselves, 400 with an empty body.
   * Payara Micro 7 keeps Grizzly's 100 although the pre-boot command sets the attribute (its log
   * shows the command), for a reason not found in its listener's code, which passes the attribute
   * on as Payara 6 does.
   */
  @Test
  void requestHeadersUpToTheLimitReachTheApplication() {
    int limit = System.getProperty("payara.microJar", "").contains("payara-micro-7") ? 100 : 200;
    // RawHttp sends five of its own: Host, Connection, Accept, Authorization, Content-Length
    assertJsonError(get("nothing/here", headers(limit - 5)), 404, "Not Found", limit + " headers");
    String answer = get("nothing/here", headers(limit - 4));
    assertEquals("HTTP/1.1 400 Bad Request", RawHttp.statusLine(answer), answer);
    assertEquals("0", RawHttp.header(answer, "Content-Length"), answer);
    assertEquals("", RawHttp.body(answer));
  }

  /**
   * {@code %zz} (not hexadecimal) and {@code %00} (a NUL byte) in the path. On Payara, Catalina's
   * {@code CoyoteAdapter} decodes and normalizes the path before any valve, filter or error page
   * runs, so no configuration reaches these answers: {@code %00} fails its normalization ({@code
   * sendError(400, "Invalid URI")}, which nothing then writes a body for); {@code %zz} makes
   * Grizzly's {@code URLDecoder} throw an {@code IllegalArgumentException}, which CoyoteAdapter
   * does not expect (it catches {@code CharConversionException} only): it logs it SEVERE with its
   * stack trace and sends the response as it stood, 200 with an empty body. Undertow refuses {@code
   * %zz} itself while it decodes the request line ({@code decode-url}; with it off, the application
   * gets the raw path and RESTEasy fails on it with a 500) and hands {@code %00} on decoded.
   */
  @Test
  void malformedPercentEncoding() throws Exception {
    Path log = SharedServer.log();
    long before = Files.size(log);
    String nul = get("v2/office/view/a%00b", Map.of());
    String hex = get("v2/office/view/%zz", Map.of());
    if (SharedServer.onWildFly()) {
      assertJsonError(nul, 404, "Not Found", "%00");
      assertConnectorAnswer(hex, "HTTP/1.1 400 Bad Request");
      assertEquals(List.of(), failures(logged(log, before, null)));
      return;
    }
    assertConnectorAnswer(nul, "HTTP/1.1 400 Invalid URI");
    assertConnectorAnswer(hex, "HTTP/1.1 200 OK");
    String logged = logged(log, before, "URLDecoder: Illegal hex characters");
    assertEquals(
        1, failures(logged).stream().filter(line -> line.contains("SEVERE")).count(), logged);
  }

  /** What the other inputs of this class write to the log: nothing at SEVERE or ERROR. */
  @Test
  void refusalsLogNoFailure() throws Exception {
    Path log = SharedServer.log();
    long before = Files.size(log);
    get("v2/office/view/a%2Fb", Map.of());
    get("v2/office/" + "x".repeat(100_000), Map.of());
    get("nothing/here", Map.of("X-Padding", "p".repeat(70_000)));
    assertEquals(List.of(), failures(logged(log, before, null)));
  }

  private static Map<String, String> headers(int count) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      headers.put("X-Header-" + i, "v");
    }
    return headers;
  }

  private static String get(String path, Map<String, String> headers) {
    return RawHttp.exchange(SharedServer.base(), "GET", path, token, null, null, headers);
  }

  private static void assertJsonError(String answer, int status, String reason, String what) {
    String body = RawHttp.body(answer);
    // the reason phrase is the server's: Undertow's 414 is "Request-URI Too Large"
    assertTrue(
        RawHttp.statusLine(answer).startsWith("HTTP/1.1 " + status + " "), what + ": " + answer);
    assertNotNull(RawHttp.header(answer, "Date"), what + ": no Date");
    assertTrue(
        RawHttp.header(answer, "Content-Type").startsWith("application/json"),
        what + ": " + RawHttp.header(answer, "Content-Type"));
    assertTrue(body.contains("\"status\":" + status), what + ": " + body);
    assertTrue(body.contains("\"name\":\"" + reason + "\""), what + ": " + body);
  }

  /** An answer of the connector itself: this status line, no body, no {@code Date}. */
  private static void assertConnectorAnswer(String answer, String statusLine) {
    assertEquals(statusLine, RawHttp.statusLine(answer), answer);
    assertEquals("0", RawHttp.header(answer, "Content-Length"), answer);
    assertEquals("", RawHttp.body(answer));
    assertNull(RawHttp.header(answer, "Date"), answer);
  }

  /**
   * What the server logged since {@code offset}; after waiting for {@code expected} to appear (the
   * log is written by another thread), or a second without it.
   */
  private static String logged(Path log, long offset, String expected) throws Exception {
    long deadline = System.nanoTime() + (expected == null ? 1_000_000_000L : 20_000_000_000L);
    String text = tail(log, offset);
    while (System.nanoTime() < deadline && (expected == null || !text.contains(expected))) {
      Thread.sleep(100);
      text = tail(log, offset);
    }
    return text;
  }

  /** The lines of {@code text} that are a failure's record or its stack trace. */
  private static List<String> failures(String text) {
    return text.lines().filter(line -> FAILURE.matcher(line).find()).toList();
  }

  private static String tail(Path log, long offset) {
    try {
      byte[] all = Files.readAllBytes(log);
      return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
