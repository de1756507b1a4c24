package org.hse.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The meters in a Micrometer Prometheus registry of the application's own, which the application
 * serves on its own {@code /metrics} ({@link #exposition()}): WildFly 39 ships Micrometer (the
 * {@code io.micrometer} module, which its {@code micrometer} subsystem adds to every deployment)
 * and no MicroProfile Metrics. Loaded only there ({@link ServerMeters}); the WAR bundles no
 * Micrometer.
 *
 * <p>Micrometer's Prometheus naming gives MicroProfile's names on Payara: a counter {@code
 * api.requests} is {@code api_requests_total}, a timer {@code api.index.duration} (its base unit
 * seconds) is {@code api_index_duration_seconds_count}, {@code _sum} and {@code _max}, a gauge
 * {@code pool.connections.used} is {@code pool_connections_used}; the tags are the labels, with
 * Payara's {@code mp_scope="application"} ({@link #SCOPE}) and nothing else added ({@code
 * MicrometerMetersTest}). No quantiles or histogram buckets, as on Payara.
 *
 * <p>Why not the {@code MeterRegistry} WildFly injects: in WildFly 39 it is a view of the server's
 * composite registry that adds the tag {@code WF_DEPLOYMENT} to every meter, and the composite
 * holds no registry, so keeps nothing, until the operator adds WildFly's OTLP registry (which
 * pushes to a collector) or its Prometheus registry (a feature of community stability, which
 * WildFly's own distribution runs at but a server provisioned at the default level refuses; served
 * on the management interface, without the application's rule of who may read it). A registry of
 * the application's own keeps the names and tags of Payara and is served where Payara serves them:
 * on the application's port, to an admin ({@code MetricsAccess}).
 */
final class MicrometerMeters implements Meters {

  /**
   * The label MicroProfile Metrics 5 gives every application metric ({@code mp_scope}, the
   * registry's scope), which Payara writes: on every meter here too, so that a query or alert
   * written against Payara's {@code /metrics} matches WildFly's.
   */
  static final String SCOPE = "mp_scope";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private MicrometerMeters() {
    registry.config().commonTags(SCOPE, "application");
  }

  /** A registry of the application's own. */
  static Meters create() {
    return new MicrometerMeters();
  }

  @Override
  public Counter counter(String name, String description, Tag... tags) {
    // the Micrometer types by their full names: Meters' own Counter and Timer shadow imports here
    return io.micrometer.core.instrument.Counter.builder(name)
            .description(description)
            .tags(tags(tags))
            .register(registry)
        ::increment;
  }

  @Override
  public Timer timer(String name, String description, Tag... tags) {
    return io.micrometer.core.instrument.Timer.builder(name)
            .description(description)
            .tags(tags(tags))
            .register(registry)
        ::record;
  }

  @Override
  public void gauge(String name, String description, IntSupplier value, Tag... tags) {
    Supplier<Number> reading = value::getAsInt;
    Gauge.builder(name, reading)
        .description(description)
        .tags(tags(tags))
        .strongReference(true)
        .register(registry);
  }

  /** Prometheus's text format 0.0.4, which every Prometheus reads. */
  @Override
  public Optional<Supplier<String>> exposition() {
    return Optional.of(registry::scrape);
  }

  @Override
  public String toString() {
    return "Micrometer, on the application's /metrics";
  }

  private static String[] tags(Tag... tags) {
    String[] pairs = new String[tags.length * 2];
    for (int i = 0; i < tags.length; i++) {
      pairs[2 * i] = tags[i].name();
      pairs[2 * i + 1] = tags[i].value();
    }
    return pairs;
  }
}
