package org.hse.api.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hse.api.metrics.Meters;
import org.hse.api.metrics.Meters.Tag;
import org.hse.api.persistence.DataSourceName;

/**
 * The service's connection pool on {@code /metrics}, under a name that says what it is: {@code
 * pool_connections_used}, {@code pool_connections_free}, {@code pool_connections_waiting} (requests
 * queued for a connection) and {@code pool_connections_max}, each tagged {@code
 * pool="java:app/jdbc/incidents"} (the data source's name in the WAR, {@link DataSourceName#JNDI})
 * and {@code database}, the subprotocol of {@code db.url} ({@code h2}, {@code postgresql}), so that
 * an operator sees which database the figures are for. The same names on both servers.
 *
 * <p>The gauges are one mechanism over a small adapter per server, which reads the pool at each
 * scrape: {@link PayaraPools} (Payara's pool manager, through reflection: its pool metrics miss a
 * pool the WAR defines) and {@link WildFlyPool} (WildFly's management model over JMX; WildFly keeps
 * no count of the requests waiting now, so {@code pool_connections_waiting} is not written there).
 * Where neither finds its pool, no gauge is registered and a warning is logged; while the pool does
 * not exist, the gauges read 0. The service never depends on this class.
 */
@ApplicationScoped
public class PoolMetrics {

  private static final Logger LOG = Logger.getLogger(PoolMetrics.class.getName());

  @Inject Meters meters;

  @Inject
  @ConfigProperty(name = "db.url")
  String url;

  /** The figures of the service's pool at one moment. */
  record Reading(int used, int free, int waiting, int max) {}

  /**
   * One server's way to the service's pool: {@link PayaraPools} or {@link WildFlyPool}. Empty while
   * the pool does not exist (the gauges read 0 then).
   */
  interface Pool {
    Optional<Reading> read();

    /** Whether the server knows how many requests wait for a connection now. */
    boolean countsWaiting();
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Optional<Pool> found = PayaraPools.find().or(WildFlyPool::find);
    if (found.isEmpty()) {
      LOG.warning("No pool metrics: neither Payara's pool manager nor WildFly's pool found");
      return;
    }
    Pool pool = found.get();
    LOG.info(() -> "Pool metrics for " + DataSourceName.JNDI + ": " + pool);
    Tag[] tags = {new Tag("pool", DataSourceName.JNDI), new Tag("database", database(url))};
    gauge("pool.connections.used", "Connections handed out now", pool, Reading::used, tags);
    gauge("pool.connections.free", "Idle connections in the pool now", pool, Reading::free, tags);
    if (pool.countsWaiting()) {
      gauge(
          "pool.connections.waiting",
          "Requests waiting for a connection now",
          pool,
          Reading::waiting,
          tags);
    }
    gauge("pool.connections.max", "The pool's maximum size", pool, Reading::max, tags);
  }

  private void gauge(
      String name, String description, Pool pool, ToIntFunction<Reading> figure, Tag... tags) {
    meters.gauge(name, description, () -> pool.read().map(figure::applyAsInt).orElse(0), tags);
  }

  /** {@code postgresql} of {@code jdbc:postgresql://...}, {@code h2} of {@code jdbc:h2:...}. */
  static String database(String url) {
    if (url == null || !url.startsWith("jdbc:")) {
      return "unknown";
    }
    int end = url.indexOf(':', 5);
    return end < 0 ? "unknown" : url.substring(5, end);
  }
}
