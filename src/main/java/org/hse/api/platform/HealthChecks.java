package org.hse.api.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What {@code /health/ready} and {@code /health/live} (MicroProfile Health, served by Payara)
 * report. Ready means the database answers now, so a load balancer sends no request to an instance
 * that cannot serve it; live means the JVM itself is well, so that an orchestrator restarts it only
 * when a restart can help (a database outage is not a reason to restart every instance). Readiness
 * also turns DOWN when the JVM is asked to stop ({@link ShutdownSignal}).
 */
@ApplicationScoped
public class HealthChecks {

  /** A connection must prove itself within this many seconds, or the instance is not ready. */
  static final int DATABASE_TIMEOUT_SECONDS = 2;

  /** Above this share of the maximum heap in use after a request, the JVM is reported DOWN. */
  static final double HEAP_LIMIT = 0.98;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Inject ShutdownSignal shutdown;

  /** DOWN from the moment the JVM is asked to stop, so that the balancer drains this instance. */
  @Produces
  @Readiness
  HealthCheck accepting() {
    return () -> HealthCheckResponse.named("accepting").status(!shutdown.stopping()).build();
  }

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> {
      try (Connection connection = dataSource.getConnection()) {
        boolean valid = connection.isValid(DATABASE_TIMEOUT_SECONDS);
        return HealthCheckResponse.named("database")
            .status(valid)
            .withData("product", connection.getMetaData().getDatabaseProductName())
            .build();
      } catch (SQLException | RuntimeException e) {
        return HealthCheckResponse.named("database")
            .down()
            .withData("error", String.valueOf(e.getMessage()))
            .build();
      }
    };
  }

  @Produces
  @Liveness
  HealthCheck jvm() {
    return () -> {
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
      return HealthCheckResponse.named("jvm")
          .status(heap.getUsed() < HEAP_LIMIT * max)
          .withData("heap-used-bytes", heap.getUsed())
          .withData("heap-max-bytes", max)
          .withData("threads", ManagementFactory.getThreadMXBean().getThreadCount())
          .withData("uptime-ms", ManagementFactory.getRuntimeMXBean().getUptime())
          .build();
    };
  }
}
