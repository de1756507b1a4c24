package org.hse.api.platform;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.hse.api.platform.PoolMetrics.Reading;

/**
 * WildFly's pool of the service's data source, read at each scrape from WildFly's management model,
 * which WildFly's {@code jmx} subsystem publishes on the platform MBean server ({@code
 * jboss.as:...}): the pool {@code configure.cli} defines in the {@code datasources} subsystem as
 * {@code incidents}, the name the WAR's {@code java:app/jdbc/incidents} is bound to, with its
 * statistics on ({@code statistics-enabled=true}; without them every figure reads 0). Standard JMX
 * only: no class of WildFly's is named, and on any other server the MBean is absent.
 *
 * <ul>
 *   <li>used: {@code InUseCount}, connections handed out now;
 *   <li>free: {@code IdleCount}, connections in the pool that are handed out to no one;
 *   <li>max: the data source's {@code max-pool-size};
 *   <li>waiting: none. IronJacamar keeps no count of the requests waiting now, only how many ever
 *       waited ({@code WaitCount}) and the most that waited at once ({@code MaxWaitCount}): {@code
 *       pool_connections_waiting} is not written on WildFly rather than written wrong. WildFly's
 *       own figures of the pool, these two among them, are on its management interface's {@code
 *       /metrics} ({@code wildfly_datasources_pool_*{data_source="incidents"}}).
 * </ul>
 */
final class WildFlyPool implements PoolMetrics.Pool {

  private static final Logger LOG = Logger.getLogger(WildFlyPool.class.getName());

  /** The data source's name in WildFly's {@code datasources} subsystem ({@code configure.cli}). */
  static final String DATA_SOURCE = "incidents";

  private final MBeanServer server;
  private final ObjectName dataSource;
  private final ObjectName statistics;

  private WildFlyPool(MBeanServer server, ObjectName dataSource, ObjectName statistics) {
    this.server = server;
    this.dataSource = dataSource;
    this.statistics = statistics;
  }

  /** WildFly's pool of the service's data source; empty on another server. */
  static Optional<PoolMetrics.Pool> find() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName dataSource =
          new ObjectName("jboss.as:subsystem=datasources,data-source=" + DATA_SOURCE);
      ObjectName statistics = new ObjectName(dataSource + ",statistics=pool");
      if (!server.isRegistered(statistics)) {
        LOG.fine(() -> "No WildFly pool: " + statistics + " is not registered");
        return Optional.empty();
      }
      return Optional.of(new WildFlyPool(server, dataSource, statistics));
    } catch (JMException | RuntimeException e) {
      LOG.fine(() -> "No WildFly pool: " + e);
      return Optional.empty();
    }
  }

  @Override
  public Optional<Reading> read() {
    try {
      return Optional.of(
          new Reading(
              figure(statistics, "InUseCount"),
              figure(statistics, "IdleCount"),
              0,
              figure(dataSource, "maxPoolSize")));
    } catch (JMException | RuntimeException e) {
      LOG.fine(() -> "Pool figures unavailable: " + e);
      return Optional.empty();
    }
  }

  @Override
  public boolean countsWaiting() {
    return false;
  }

  @Override
  public String toString() {
    return "WildFly's data source " + DATA_SOURCE + " (" + statistics + ")";
  }

  private int figure(ObjectName name, String attribute) throws JMException {
    return ((Number) server.getAttribute(name, attribute)).intValue();
  }
}
