package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the server's requests to itself put on the wire, against a plain JDK HTTP server. */
class SelfRequestsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** A request as the server received it. */
  private record Seen(String line, String authorization, String accept, String type, String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private URI base;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ctx/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          seen.add(
              new Seen(
                  exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Accept"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(body, StandardCharsets.UTF_8)));
          byte[] answer = "[{\"project_id\":\"p1\"}]".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 422 : 200, 0);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ctx");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void getsAndPostsUnderTheContextPathWithTheSignedToken() {
    AtomicInteger signed = new AtomicInteger();
    SelfRequests self = new SelfRequests(base, () -> "token-" + signed.incrementAndGet(), TIMEOUT);

    SelfRequests.Answer read = self.get("v2/project/index?per-page=1");
    SelfRequests.Answer create = self.post("v2/incident-action/create", "{}");

    assertEquals(200, read.status());
    assertEquals("p1", read.items().getJsonObject(0).getString("project_id"));
    assertEquals(422, create.status());
    assertTrue(create.items().isEmpty(), "only a 200's array is read as items");
    assertEquals(
        List.of(
            new Seen(
                "GET /ctx/v2/project/index?per-page=1",
                "Bearer token-1",
                "application/json",
                null,
                ""),
            new Seen(
                "POST /ctx/v2/incident-action/create",
                "Bearer token-1",
                "application/json",
                "application/json",
                "{}")),
        seen);
    assertEquals(1, signed.get(), "one token for requests within a minute");
  }

  @Test
  void aTokenThatCannotBeSignedYetSendsNothingAndIsTriedAgain() {
    AtomicInteger attempts = new AtomicInteger();
    SelfRequests self =
        new SelfRequests(
            URI.create(base + "/"),
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("no signing key yet");
              }
              return "late";
            },
            TIMEOUT);

    assertEquals(SelfRequests.Answer.NONE, self.get("v2/project/index"));
    assertTrue(seen.isEmpty());
    assertEquals(200, self.get("v2/project/index").status());
    assertEquals("Bearer late", seen.get(0).authorization());
    assertEquals("GET /ctx/v2/project/index", seen.get(0).line());
  }

  @Test
  void noServerIsNoAnswer() {
    server.stop(0);
    SelfRequests.Answer answer = new SelfRequests(base, () -> "t", TIMEOUT).get("v2/x");
    assertEquals(SelfRequests.Answer.NONE, answer);
    assertFalse(answer.answered());
  }
}
