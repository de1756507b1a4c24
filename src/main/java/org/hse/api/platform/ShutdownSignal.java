package org.hse.api.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Whether the application accepts requests: from the moment it has started (its start-up work,
 * migrations and demo data, is done) until the JVM is asked to stop (SIGTERM, Ctrl-C), so that
 * {@code /health/ready} answers DOWN at once and a load balancer sends no new request here, while
 * Payara Micro, started with {@code --shutdowngrace <ms>}, lets the requests in flight complete
 * before it stops the application. A JVM shutdown hook, which the JVM starts beside Payara's own at
 * the signal.
 *
 * <p>A CDI bean, not an EJB: a load balancer probes readiness while the application is still being
 * deployed, and an EJB called then throws ({@code Attempt to invoke when container is in
 * Initializing}), which Payara logs as a 30-line stack trace on every such probe. This bean answers
 * "not yet" instead.
 */
@ApplicationScoped
public class ShutdownSignal {

  private static final Logger LOG = Logger.getLogger(ShutdownSignal.class.getName());

  private volatile boolean started;
  private volatile boolean stopping;
  private Thread hook;

  /** Called when the application has started: after the start-up singletons have run. */
  void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
    hook =
        new Thread(
            () -> {
              stopping = true;
              LOG.info("Stopping: /health/ready answers DOWN, requests in flight complete");
            },
            "incident-actions-shutdown-signal");
    Runtime.getRuntime().addShutdownHook(hook);
    started = true;
  }

  @PreDestroy
  void unregister() {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is stopping: the hook has run or is running
    }
  }

  /** Whether the application has started and the JVM is not stopping. */
  public boolean accepting() {
    return started && !stopping;
  }

  /** Whether the JVM is stopping. */
  public boolean stopping() {
    return stopping;
  }
}
