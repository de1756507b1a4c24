package org.hse.api.faults;

import java.util.Map;
import org.hse.api.FreshDatabase;
import org.hse.api.ServiceProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one {@link Cluster} that the multi-instance tests of a run share: started by the first class
 * that asks for it, kept in the root store of JUnit's extension context and stopped when the run of
 * this JVM ends. Three instances take 30-40 s to start, and the key rotation can only be seen once
 * the cluster has lived a rotation (about a minute); one cluster for {@link MultiInstanceIT},
 * {@link FaultLoadIT} and {@link KeyRotationIT}, run in that order ({@code @Order}, the fault
 * profile's class orderer), pays for both once.
 *
 * <p>Its settings are the union of what the three need: keys that rotate ({@code
 * AUTH_KEY_ROTATION=5}: a generation signs for 5 s before the next one is added, {@code
 * AUTH_KEY_PUBLISH_DELAY=50}: which signs 50 s later, more than the 10 s between reads of the keys
 * and the 30 s Payara keeps them), and tokens that outlive the run ({@code
 * AUTH_TOKEN_LIFETIME=3600}: however slow the machine, a 401 in the fault test would count as an
 * error). The classes keep their items apart: {@link MultiInstanceIT} in project 1, {@link
 * FaultLoadIT} in project 2.
 *
 * <p>Needs PostgreSQL ({@code -P faults,postgres}): the classes that use it are skipped on H2. On
 * WildFly ({@code -P wildfly,faults,postgres}) the keys keep their default rotation ({@link
 * #settings()}).
 */
final class SharedCluster implements BeforeAllCallback {

  static final int INSTANCES = 3;

  static final Map<String, String> SETTINGS =
      Map.of(
          "AUTH_KEY_ROTATION", "5",
          "AUTH_KEY_PUBLISH_DELAY", "50",
          "AUTH_TOKEN_LIFETIME", "3600");

  private static volatile Cluster running;

  @Override
  public void beforeAll(ExtensionContext context) {
    Assumptions.assumeTrue(
        FreshDatabase.onPostgres(), "several instances share PostgreSQL: -P faults,postgres");
    running =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(SharedCluster.class))
            .getOrComputeIfAbsent(Cluster.class, key -> start(), Cluster.class);
  }

  /** The run's cluster; the class must be {@code @ExtendWith(SharedCluster.class)}. */
  static Cluster get() {
    if (running == null) {
      throw new IllegalStateException("annotate the class with @ExtendWith(SharedCluster.class)");
    }
    return running;
  }

  /**
   * On WildFly the keys do not rotate within the run: SmallRye JWT, WildFly's verifier, reads the
   * published keys ({@code <data dir>/keys/jwks.json}) once, so an instance refuses the tokens of a
   * generation added after its first verification until it restarts ("Token refused:
   * reason=signature"), and every writer through the balancer would meet those 401s. {@link
   * KeyRotationIT} is skipped there; the instances keep the default rotation (a day).
   */
  static Map<String, String> settings() {
    return ServiceProcess.onWildFly() ? Map.of("AUTH_TOKEN_LIFETIME", "3600") : SETTINGS;
  }

  private static Cluster start() {
    try {
      return Cluster.start("cluster", INSTANCES, settings());
    } catch (Exception e) {
      throw new IllegalStateException("the shared cluster did not start", e);
    }
  }
}
