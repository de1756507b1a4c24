package org.hse.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hse.api.metrics.Meters.Tag;
import org.junit.jupiter.api.Test;

/**
 * Micrometer's Prometheus text of the application's meters carries the names and tags Payara's
 * MicroProfile Metrics writes ({@code ListeningSocketsIT}): the meters named in MicroProfile's
 * dotted form, counters with {@code _total}, the timer in seconds with {@code _count}, {@code _sum}
 * and {@code _max}, the gauges as they are named, and the labels the tags with Payara's {@code
 * mp_scope="application"}, nothing else.
 */
class MicrometerMetersTest {

  private final Meters meters = MicrometerMeters.create();

  @Test
  void theNamesAndTagsArePayaras() {
    Meters.Counter searches =
        meters.counter(
            "api.requests",
            "Answers of the API",
            new Tag("resource", "project"),
            new Tag("verb", "index"),
            new Tag("method", "POST"),
            new Tag("status", "200"));
    searches.increment();
    searches.increment();
    meters.counter("api.tokens.refused", "Refused", new Tag("reason", "expired")).increment();
    meters
        .timer("api.index.duration", "Searches", new Tag("resource", "project"))
        .record(Duration.ofMillis(250));
    AtomicInteger used = new AtomicInteger(3);
    meters.gauge(
        "pool.connections.used",
        "Connections handed out now",
        used::get,
        new Tag("pool", "java:app/jdbc/incidents"),
        new Tag("database", "h2"));
    used.set(5);

    List<String> samples =
        meters.exposition().orElseThrow().get().lines().filter(l -> !l.startsWith("#")).toList();
    assertTrue(
        samples.contains(
            "api_requests_total{method=\"POST\",mp_scope=\"application\",resource=\"project\",status=\"200\",verb=\"index\"}"
                + " 2.0"),
        samples.toString());
    assertTrue(
        samples.contains(
            "api_tokens_refused_total{mp_scope=\"application\",reason=\"expired\"} 1.0"),
        samples.toString());
    assertTrue(
        samples.contains(
            "api_index_duration_seconds_count{mp_scope=\"application\",resource=\"project\"} 1"),
        samples.toString());
    assertTrue(
        samples.contains(
            "api_index_duration_seconds_sum{mp_scope=\"application\",resource=\"project\"} 0.25"),
        samples.toString());
    assertTrue(
        samples.contains(
            "api_index_duration_seconds_max{mp_scope=\"application\",resource=\"project\"} 0.25"),
        samples.toString());
    assertTrue(
        samples.contains(
            "pool_connections_used{database=\"h2\",mp_scope=\"application\",pool=\"java:app/jdbc/incidents\"} 5.0"),
        samples.toString());
    assertFalse(samples.stream().anyMatch(l -> l.contains("quantile")), samples.toString());
  }

  /** A meter asked for again is the same meter: the count goes on. */
  @Test
  void aMeterAskedForAgainCountsOn() {
    meters.counter("api.logins.refused", "Refused", new Tag("status", "401")).increment();
    meters.counter("api.logins.refused", "Refused", new Tag("status", "401")).increment();
    assertEquals(
        1,
        meters
            .exposition()
            .orElseThrow()
            .get()
            .lines()
            .filter(
                l ->
                    l.equals(
                        "api_logins_refused_total{mp_scope=\"application\",status=\"401\"} 2.0"))
            .count());
  }

  @Test
  void withoutALibraryNothingIsKeptOrServed() {
    assertTrue(Meters.NONE.exposition().isEmpty());
    Meters.NONE.counter("x", "x").increment();
    Meters.NONE.timer("y", "y").record(Duration.ZERO);
  }

  /** The unit tests' class path has both APIs, as no server has: MicroProfile is asked first. */
  @Test
  void bothLibrariesAreFoundByName() {
    assertTrue(ServerMeters.present(ServerMeters.MICROPROFILE));
    assertTrue(ServerMeters.present(ServerMeters.MICROMETER));
    assertFalse(ServerMeters.present("io.micrometer.NoSuchClass"));
  }
}
