package org.hse.api.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Notices that the JVM was asked to stop (SIGTERM, Ctrl-C), so that {@code /health/ready} answers
 * DOWN at once and a load balancer sends no new request here, while Payara Micro, started with
 * {@code --shutdowngrace <ms>}, lets the requests in flight complete before it stops the
 * application. A JVM shutdown hook, which the JVM starts beside Payara's own at the signal.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ShutdownSignal {

  private static final Logger LOG = Logger.getLogger(ShutdownSignal.class.getName());

  private volatile boolean stopping;
  private Thread hook;

  @PostConstruct
  void register() {
    hook =
        new Thread(
            () -> {
              stopping = true;
              LOG.info("Stopping: /health/ready answers DOWN, requests in flight complete");
            },
            "incident-actions-shutdown-signal");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @PreDestroy
  void unregister() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is stopping: the hook has run or is running
    }
  }

  /** Whether the JVM is stopping. */
  public boolean stopping() {
    return stopping;
  }
}
