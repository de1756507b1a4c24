package org.hse.api.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.hse.api.metrics.Meters;

/**
 * {@code /metrics} on the application's port where the server serves none that holds the
 * application's meters (WildFly 39): the {@link Meters}' own Prometheus text, for an admin only, as
 * on Payara ({@link MetricsAccess} stands before it). Where the server's {@code /metrics} holds
 * them (Payara adds its MicroProfile Metrics servlet to the application at the root context),
 * nothing is added, so the two never compete for the path.
 *
 * <p>The servlet is added at start rather than declared, because a declared {@code /metrics} would
 * take the path from Payara's. It answers {@code /metrics} alone: Payara's scopes ({@code
 * /metrics/base}, {@code ?scope=}) have no counterpart there. WildFly's own metrics (JVM, its
 * subsystems) stay on its management interface's {@code /metrics}, on loopback.
 */
@WebListener
public class MetricsEndpoint implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(MetricsEndpoint.class.getName());

  /** Prometheus's text format, which every Prometheus scrapes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  @Inject Meters meters;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    meters
        .exposition()
        .ifPresent(
            text -> {
              event
                  .getServletContext()
                  .addServlet("metrics", new Exposition(text))
                  .addMapping("/metrics");
              LOG.info("The API's metrics are on /metrics, for the admin role");
            });
  }

  /** Writes the text at every request. */
  static final class Exposition extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<String> text;

    Exposition(Supplier<String> text) {
      this.text = text;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType(CONTENT_TYPE);
      response.getWriter().write(text.get());
    }
  }
}
