package org.hse.api.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Produces the application's {@link Meters}, in the first metrics library the server has:
 *
 * <ol>
 *   <li>MicroProfile Metrics, when its API is on the class path and a {@code MetricRegistry} bean
 *       resolves (Payara Micro 6 and 7);
 *   <li>Micrometer, when its API and Prometheus registry are on the class path (WildFly 39, whose
 *       {@code micrometer} subsystem adds them to every deployment);
 *   <li>else {@link Meters#NONE}, with a warning: the application keeps no metrics.
 * </ol>
 *
 * Each library is looked for by its class name before any class that names it is loaded, so that
 * Payara never loads a Micrometer class and WildFly needs no MicroProfile Metrics module: the WAR
 * bundles neither, and only {@link MicroProfileMeters} and {@link MicrometerMeters} import them.
 */
@ApplicationScoped
public class ServerMeters {

  private static final Logger LOG = Logger.getLogger(ServerMeters.class.getName());

  static final String MICROPROFILE = "org.eclipse.microprofile.metrics.MetricRegistry";

  static final String MICROMETER = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";

  /**
   * The beans a library's registry is looked up among, by an injection point of its own: Payara's
   * producer of the {@code MetricRegistry} reads the annotations of the injection point, which a
   * lookup through the {@code BeanManager} has none of (a {@code NullPointerException} in {@code
   * MetricRegistryProducer}, and the deployment failed).
   */
  @Inject Instance<Object> beans;

  @Produces
  @ApplicationScoped
  Meters meters() {
    Optional<Meters> found =
        present(MICROPROFILE) ? MicroProfileMeters.find(beans) : Optional.empty();
    if (found.isEmpty() && present(MICROMETER)) {
      try {
        found = Optional.of(MicrometerMeters.create());
      } catch (LinkageError incomplete) {
        // the registry is there, the Prometheus client it writes with is not
        LOG.warning(() -> "Micrometer's Prometheus registry cannot start: " + incomplete);
      }
    }
    Meters meters =
        found.orElseGet(
            () -> {
              LOG.warning(
                  "No metrics: the server has neither MicroProfile Metrics nor Micrometer's"
                      + " Prometheus registry; the API's metrics are not kept");
              return Meters.NONE;
            });
    LOG.info(() -> "The API's metrics are kept by " + meters);
    return meters;
  }

  /** Whether the class of this name is visible to the application, without loading it. */
  static boolean present(String className) {
    try {
      Class.forName(className, false, ServerMeters.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
