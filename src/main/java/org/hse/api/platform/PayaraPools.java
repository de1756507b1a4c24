package org.hse.api.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.hse.api.persistence.DataSourceName;
import org.hse.api.platform.PoolMetrics.Reading;

/**
 * Payara's pool of the service's data source, read from Payara's pool manager itself ({@code
 * PoolManager}, {@code ResourcePool}, {@code PoolStatus}: what {@code healthcheck-cpool} reads),
 * through reflection: its classes are Payara internals, visible to the application on Payara Micro
 * but in no Maven repository the build uses, and absent on other servers. Payara names the pool
 * after the data source: {@code
 * __SYSTEM/pools/__datasource_definition/<application>/java:app/jdbc/incidents}.
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
 * There is no wait-time figure: Payara keeps one only in those probe-fed statistics.
 */
final class PayaraPools implements PoolMetrics.Pool {

  private static final Logger LOG = Logger.getLogger(PayaraPools.class.getName());

  /** How Payara names the pool of a {@code @DataSourceDefinition} ({@code ConnectorsUtil}). */
  static final String DEFINITION_POOL_PREFIX = "__SYSTEM/pools/__datasource_definition/";

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
   * pool only by its exact {@code PoolInfo} (name, application, module), whose name Payara derives
   * from an internal component id, so the table of its pools is read instead.
   */
  static Optional<PoolMetrics.Pool> find() {
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
      LOG.fine(() -> "No Payara pool manager (" + e + ")");
      return Optional.empty();
    }
  }

  /**
   * The figures of the pool Payara made of the data source definition of this JNDI name, if it
   * exists now (Payara names it {@code __SYSTEM/pools/__datasource_definition/<component id>/<JNDI
   * name>}).
   */
  @Override
  public Optional<Reading> read() {
    String jndiName = DataSourceName.JNDI;
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

  @Override
  public boolean countsWaiting() {
    return true;
  }

  @Override
  public String toString() {
    return "Payara's pool manager; pools: " + names();
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
