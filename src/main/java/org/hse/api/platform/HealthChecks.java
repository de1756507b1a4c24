package org.hse.api.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.hse.api.persistence.DataSourceName;
import org.hse.api.tokens.ServedKeysProbe;

/**
 * What {@code /health/ready} and {@code /health/live} (MicroProfile Health, served by Payara)
 * report. Ready means the database answers now, so a load balancer sends no request to an instance
 * that cannot serve it; live means the JVM itself is well, so that an orchestrator restarts it only
 * when a restart can help (a database outage is not a reason to restart every instance). Readiness
 * also turns DOWN while the application starts and when the JVM is asked to stop ({@link
 * ShutdownSignal}).
 *
 * <p>Every check says its name and status only: {@code /health} answers anyone, and what a check
 * could add (heap, threads, uptime, the database's product, a failure's message, which can name the
 * database's host and user) tells an anonymous caller about the deployment. Where an operator finds
 * it instead: the JVM's figures are Payara's base metrics on the admin-only {@code /metrics}
 * ({@code memory_usedHeap_bytes}, {@code memory_maxHeap_bytes}, {@code thread_count}, {@code
 * jvm_uptime_seconds}); the database is the {@code database} tag of the pool's gauges ({@link
 * PoolMetrics}); a database failure is logged, once when the check turns DOWN and once when it is
 * UP again, never on every probe (a balancer probes every second or so).
 */
@ApplicationScoped
public class HealthChecks {

  private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());

  /** A connection must prove itself within this many seconds, or the instance is not ready. */
  static final int DATABASE_TIMEOUT_SECONDS = 2;

  /** Above this share of the maximum heap in use after a request, the JVM is reported DOWN. */
  static final double HEAP_LIMIT = 0.98;

  @Resource(lookup = DataSourceName.JNDI)
  DataSource dataSource;

  @Inject ShutdownSignal shutdown;

  @Inject ServedKeysProbe servedKeys;

  @Inject WarmUp warmUp;

  /**
   * Whether the last database probe failed: the failure is logged only when this changes, so that
   * an outage is one warning and its end one line, whatever the probes in between.
   */
  private final AtomicBoolean databaseDown = new AtomicBoolean();

  /**
   * DOWN until the application has started (and warmed up when asked to, {@link WarmUp}; on
   * WildFly: and its token verifier has the built-in endpoint's keys, {@link ServedKeysProbe}) and
   * from the moment the JVM is asked to stop, so that the balancer sends nothing to an instance
   * still deploying and drains one that stops.
   */
  @Produces
  @Readiness
  HealthCheck accepting() {
    return () ->
        status("accepting", shutdown.accepting() && warmUp.done() && servedKeys.verifierHasKeys());
  }

  @Produces
  @Readiness
  HealthCheck database() {
    return this::probeDatabase;
  }

  @Produces
  @Liveness
  HealthCheck jvm() {
    return () -> {
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
      return status("jvm", heap.getUsed() < HEAP_LIMIT * max);
    };
  }

  /** Whether a connection of the pool answers within the timeout; a change is logged once. */
  HealthCheckResponse probeDatabase() {
    String failure;
    try (Connection connection = dataSource.getConnection()) {
      failure =
          connection.isValid(DATABASE_TIMEOUT_SECONDS)
              ? null
              : "no answer to a validation within " + DATABASE_TIMEOUT_SECONDS + " s";
    } catch (SQLException | RuntimeException e) {
      failure = describe(e);
    }
    boolean up = failure == null;
    if (databaseDown.compareAndSet(up, !up)) {
      if (up) {
        LOG.info("Database UP again: /health/ready reports the database check UP");
      } else {
        String reason = failure;
        LOG.warning(() -> "Database DOWN: /health/ready reports DOWN until it answers: " + reason);
      }
    }
    return status("database", up);
  }

  /**
   * The exception and those of its causes whose message it does not repeat already (Payara's pool
   * wraps the driver's message twice), for the log alone.
   */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(failure.toString());
    Throwable cause = failure.getCause();
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message == null || !text.toString().contains(message)) {
        text.append("; caused by ").append(cause);
      }
    }
    return text.toString();
  }

  /** A response with a name and a status, and no data. */
  private static HealthCheckResponse status(String name, boolean up) {
    return new HealthCheckResponse(
        name,
        up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.empty());
  }
}
