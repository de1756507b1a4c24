package org.hse.api.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The application's meters, kept by whichever metrics library the server has: MicroProfile Metrics
 * on Payara ({@link MicroProfileMeters}), Micrometer on WildFly 39, which ships no MicroProfile
 * Metrics ({@link MicrometerMeters}). The classes that count ({@code ApiMetrics}, {@code
 * AccessTokenMechanism}, {@code PoolMetrics}) name a meter once, in MicroProfile's dotted form
 * ({@code api.requests}), and both libraries write it under the same Prometheus name and tags
 * ({@code api_requests_total{resource=...}}), so an operator's queries and alerts do not depend on
 * the server. {@link ServerMeters} chooses the implementation; {@link #NONE} keeps nothing, where
 * the server has neither library (and in unit tests).
 *
 * <p>A meter is looked up by name and tags on every call; a caller that counts on every request
 * keeps what it got (a lookup builds and hashes an id).
 */
public interface Meters {

  /** Keeps nothing: the server has no metrics library the application knows. */
  Meters NONE =
      new Meters() {
        @Override
        public Counter counter(String name, String description, Tag... tags) {
          return () -> {};
        }

        @Override
        public Timer timer(String name, String description, Tag... tags) {
          return duration -> {};
        }

        @Override
        public void gauge(String name, String description, IntSupplier value, Tag... tags) {}

        @Override
        public Optional<Supplier<String>> exposition() {
          return Optional.empty();
        }

        @Override
        public String toString() {
          return "nothing";
        }
      };

  /** A count that only grows: {@code <name>_total} on {@code /metrics}. */
  @FunctionalInterface
  interface Counter {
    void increment();
  }

  /**
   * Durations: {@code <name>_seconds_count}, {@code _sum} and {@code _max} on {@code /metrics}, in
   * seconds whatever the library.
   */
  @FunctionalInterface
  interface Timer {
    void record(Duration duration);
  }

  /** A meter's tag (a label, in Prometheus's words). */
  record Tag(String name, String value) {}

  /** The counter of this name and tags, registered on first use. */
  Counter counter(String name, String description, Tag... tags);

  /** The timer of this name and tags, registered on first use. */
  Timer timer(String name, String description, Tag... tags);

  /** A figure read at every scrape: {@code <name>} on {@code /metrics}. */
  void gauge(String name, String description, IntSupplier value, Tag... tags);

  /**
   * The meters in Prometheus's text format, for the application's own {@code /metrics}, where the
   * server serves none that holds them (WildFly: {@code org.hse.api.platform.MetricsEndpoint});
   * empty where the server's {@code /metrics} does (Payara).
   */
  Optional<Supplier<String>> exposition();
}
