package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fresh instance under a burst, as a balancer meets it after a start or a rolling deploy: once
 * {@code /health/ready} answers UP, more authenticated requests at once than the server has worker
 * threads, the first it gets, are all answered {@code 200 OK} within seconds.
 *
 * <p>On WildFly they were not answered at all: SmallRye JWT fetches the built-in endpoint's keys
 * from this same server when it first verifies a token, while every other request thread waits for
 * it, and with all the workers waiting none answered the fetch (a benchmark's 32 connections on a
 * cold 2-core WildFly got no answer for over ten minutes). Readiness now waits until a token has
 * been verified ({@code ServedKeysProbe}). On Payara, whose verifier reads the keys' file, the same
 * burst is the check that nothing else of a cold start serialises the first requests. On a server
 * of its own, so that it is cold.
 */
class ColdStartIT {

  /** More than the workers of WildFly's default pool, 16 per core. */
  private static final int BURST = 16 * Runtime.getRuntime().availableProcessors() + 32;

  @Test
  void theFirstRequestsAfterReadyAreAnsweredEvenWhenTheyOutnumberTheWorkers() throws Exception {
    StartedServer<AutoCloseable> server = SharedServer.launch("coldstart", Map.of());
    try {
      ChildProcess.awaitOk(server.base().resolve("/health/ready"), Duration.ofSeconds(60));
      String token =
          Tokens.signedByService(
              "admin", List.of("admin"), List.of(), Tokens.ISSUER, Instant.now());
      Instant start = Instant.now();
      List<String> answers =
          RawHttp.atOnce(
              BURST,
              Duration.ofSeconds(60),
              () -> RawHttp.exchange(server.base(), "GET", "v2/project/index", token, null, null));
      Duration took = Duration.between(start, Instant.now());
      System.out.printf(
          "ColdStartIT: %d first requests after ready answered in %d ms%n", BURST, took.toMillis());
      for (String answer : answers) {
        assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(answer), answer);
      }
      assertTrue(
          took.compareTo(Duration.ofSeconds(30)) < 0,
          BURST + " first requests took " + took + " to be answered");
    } finally {
      server.close();
    }
  }
}
