package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
      URI root = URI.create("http://" + server.base().getHost() + ":" + server.base().getPort());
      awaitReady(root);
      String token =
          Tokens.signedByService(
              "admin", List.of("admin"), List.of(), Tokens.ISSUER, Instant.now());
      ExecutorService clients = Executors.newFixedThreadPool(BURST);
      try {
        List<Callable<String>> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
          burst.add(
              () -> RawHttp.exchange(server.base(), "GET", "v2/project/index", token, null, null));
        }
        Instant start = Instant.now();
        List<Future<String>> answers = clients.invokeAll(burst, 60, TimeUnit.SECONDS);
        Duration took = Duration.between(start, Instant.now());
        System.out.printf(
            "ColdStartIT: %d first requests after ready answered in %d ms%n",
            BURST, took.toMillis());
        for (Future<String> answer : answers) {
          assertTrue(!answer.isCancelled(), "a request of the burst got no answer in 60 s");
          assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(answer.get()), answer.get());
        }
        assertTrue(
            took.compareTo(Duration.ofSeconds(30)) < 0,
            BURST + " first requests took " + took + " to be answered");
      } finally {
        clients.shutdownNow();
      }
    } finally {
      server.close();
    }
  }

  /** Polls {@code /health/ready} as a balancer does, until it answers 200, for at most 60 s. */
  private static void awaitReady(URI root) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      last = RawHttp.exchange(root, "GET", "health/ready", null, null, null);
      if (RawHttp.statusLine(last).equals("HTTP/1.1 200 OK")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/health/ready did not answer 200 within 60 s: " + last);
  }
}
