package org.hse.api.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.hse.api.persistence.DataSourceName;
import org.hse.api.platform.PoolMetrics.PayaraPools.Reading;

/**
 * The service's connection pool on {@code /metrics}, under a name that says what it is: {@code
 * pool_connections_used}, {@code pool_connections_free}, {@code pool_connections_waiting} (requests
 * queued for a connection) and {@code pool_connections_max}, each tagged {@code
 * pool="java:app/jdbc/incidents"} (the data source's name, {@link DataSourceName#JNDI}, which
 * Payara's pool is named after: {@code
 * __SYSTEM/pools/__datasource_definition/<application>/java:app/jdbc/incidents}) and {@code
 * database}, the subprotocol of {@code db.url} ({@code h2}, {@code postgresql}), so that an
 * operator sees which database the figures are for.
 *
 * <p>Why the application registers these gauges itself (verified on Payara Micro 6.2025.10):
 *
 * <ul>
 *   <li>Payara's own pool metrics ({@code connection_pool_<pool>_*} in {@code metrics.xml}) come
 *       from its connection-pool health check ({@code healthcheck-cpool}), which walks the JDBC
 *       resources of {@code domain.xml} and {@code glassfish-resources.xml} only, never a pool the
 *       application defines with {@code @DataSourceDefinition}; and only while that health check
 *       runs (hence the all-zero {@code H2Pool} of Payara's unused built-in pool, which the
 *       pre-boot commands delete).
 *   <li>Its JDBC monitoring statistics (monitoring level {@code jdbc-connection-pool} {@code HIGH},
 *       AMX MBeans) are fed by probes that need the flashlight agent, which Payara Micro does not
 *       ship ({@code flashlight-agent.jar directory ... does not exist} at boot): no {@code
 *       jdbc-connection-pool-mon} MBean appears.
 *   <li>Defining the pool in the server configuration (asadmin) instead would take the choice of
 *       database away from MicroProfile Config and from the Arquillian deployments, which run
 *       without boot commands; and on WildFly the server defines the data source anyway.
 * </ul>
 *
 * So the figures are read, at each scrape, from Payara's pool manager itself ({@code PoolManager},
 * {@code ResourcePool}, {@code PoolStatus}: what {@code healthcheck-cpool} reads), through
 * reflection: its classes are Payara internals, visible to the application on Payara Micro but in
 * no Maven repository the build uses, and absent on other servers. Where they are absent (WildFly),
 * no gauge is registered and a warning is logged; while the pool does not exist, the gauges read 0.
 * The service never depends on this class. There is no wait-time figure: Payara keeps one only in
 * those probe-fed statistics.
 */
@ApplicationScoped
public class PoolMetrics {

  private static final Logger LOG = Logger.getLogger(PoolMetrics.class.getName());

  /** How Payara names the pool of a {@code @DataSourceDefinition} ({@code ConnectorsUtil}). */
  static final String DEFINITION_POOL_PREFIX = "__SYSTEM/pools/__datasource_definition/";

  /** Unsatisfied on a server without MicroProfile Metrics (WildFly 39: Micrometer instead). */
  @Inject Instance<MetricRegistry> registry;

  @Inject
  @ConfigProperty(name = "db.url")
  String url;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Optional<PayaraPools> found = PayaraPools.find();
    if (found.isEmpty() || !registry.isResolvable()) {
      return;
    }
    PayaraPools pools = found.get();
    LOG.info(() -> "Pool metrics for " + DataSourceName.JNDI + "; pools: " + pools.names());
    Tag[] tags = {new Tag("pool", DataSourceName.JNDI), new Tag("database", database(url))};
    gauge("pool.connections.used", "Connections handed out now", pools, Reading::used, tags);
    gauge("pool.connections.free", "Idle connections in the pool now", pools, Reading::free, tags);
    gauge(
        "pool.connections.waiting",
        "Requests waiting for a connection now",
        pools,
        Reading::waiting,
        tags);
    gauge("pool.connections.max", "The pool's maximum size", pools, Reading::max, tags);
  }

  private void gauge(
      String name,
      String description,
      PayaraPools pools,
      ToIntFunction<Reading> figure,
      Tag... tags) {
    registry
        .get()
        .gauge(
            Metadata.builder().withName(name).withDescription(description).build(),
            () -> pools.read(DataSourceName.JNDI).map(figure::applyAsInt).orElse(0),
            tags);
  }

  /** {@code postgresql} of {@code jdbc:postgresql://...}, {@code h2} of {@code jdbc:h2:...}. */
  static String database(String url) {
    if (url == null || !url.startsWith("jdbc:")) {
      return "unknown";
    }
    int end = url.indexOf(':', 5);
    return end < 0 ? "unknown" : url.substring(5, end);
  }

  /** Payara's pool manager, reached through reflection (see the class comment for why). */
  static final class PayaraPools {

    /** The figures of one pool at one moment. */
    record Reading(int used, int free, int waiting, int max) {}

    private final Map<?, ?> pools;
    private final Method infoName;
    private final Method poolStatus;
    private final Method maxPoolSize;
    private final Method waitQueue;
    private final Method queueLength;
    private final Method used;
    private final Method free;

    private PayaraPools(Map<?, ?> pools, ClassLoader loader) throws ReflectiveOperationException {
      this.pools = pools;
      Class<?> poolInfo = loader.loadClass("org.glassfish.resourcebase.resources.api.PoolInfo");
      Class<?> pool = loader.loadClass("com.sun.enterprise.resource.pool.ResourcePool");
      Class<?> status = loader.loadClass("com.sun.enterprise.resource.pool.PoolStatus");
      Class<?> queue = loader.loadClass("com.sun.enterprise.resource.pool.waitqueue.PoolWaitQueue");
      infoName = poolInfo.getMethod("getName");
      poolStatus = pool.getMethod("getPoolStatus");
      maxPoolSize = pool.getMethod("getMaxPoolSize");
      waitQueue = pool.getMethod("getPoolWaitQueue");
      queueLength = queue.getMethod("getQueueLength");
      used = status.getMethod("getNumConnUsed");
      free = status.getMethod("getNumConnFree");
    }

    /**
     * The pools of the Payara this runs on; empty on another server. The pool manager publishes a
     * pool only by its exact {@code PoolInfo} (name, application, module), whose name Payara
     * derives from an internal component id, so the table of its pools is read instead.
     */
    static Optional<PayaraPools> find() {
      try {
        Class<?> globals = Class.forName("org.glassfish.internal.api.Globals");
        ClassLoader loader = globals.getClassLoader();
        Class<?> managerType = loader.loadClass("com.sun.enterprise.resource.pool.PoolManager");
        Object manager = globals.getMethod("get", Class.class).invoke(null, managerType);
        if (manager == null) {
          throw new IllegalStateException("Payara has no PoolManager service");
        }
        // PoolManagerImpl's map of every pool: the public getPool(PoolInfo) needs an exact key
        Field table = manager.getClass().getDeclaredField("poolTable");
        table.setAccessible(true);
        return Optional.of(new PayaraPools((Map<?, ?>) table.get(manager), loader));
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        LOG.warning(() -> "No pool metrics: no Payara pool manager found (" + e + ")");
        return Optional.empty();
      }
    }

    /**
     * The figures of the pool Payara made of the data source definition of this JNDI name, if it
     * exists now (Payara names it {@code __SYSTEM/pools/__datasource_definition/<component
     * id>/<JNDI name>}).
     */
    Optional<Reading> read(String jndiName) {
      try {
        for (Map.Entry<?, ?> entry : pools.entrySet()) {
          String name = (String) infoName.invoke(entry.getKey());
          if (name.startsWith(DEFINITION_POOL_PREFIX) && name.endsWith("/" + jndiName)
              || name.equals(DEFINITION_POOL_PREFIX + jndiName)) {
            Object pool = entry.getValue();
            Object status = poolStatus.invoke(pool);
            Object queue = waitQueue.invoke(pool);
            return Optional.of(
                new Reading(
                    (int) used.invoke(status),
                    (int) free.invoke(status),
                    queue == null ? 0 : (int) queueLength.invoke(queue),
                    (int) maxPoolSize.invoke(pool)));
          }
        }
        return Optional.empty();
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.fine(() -> "Pool figures unavailable: " + e);
        return Optional.empty();
      }
    }

    /** The names of the pools, to log. */
    String names() {
      StringBuilder names = new StringBuilder();
      for (Object info : pools.keySet()) {
        try {
          names.append(names.isEmpty() ? "" : ", ").append(infoName.invoke(info));
        } catch (ReflectiveOperationException e) {
          names.append('?');
        }
      }
      return names.toString();
    }
  }
}
