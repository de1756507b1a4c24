package org.hse.api.faults;

import java.util.Map;
import org.hse.api.FreshDatabase;
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
 * and the 30 s Payara, or WildFly's SmallRye JWT, keeps them), and tokens that outlive the run
 * ({@code AUTH_TOKEN_LIFETIME=3600}: however slow the machine, a 401 in the fault test would count
 * as an error). The classes keep their items apart: {@link MultiInstanceIT} in project 1, {@link
 * FaultLoadIT} in project 2.
 *
 * <p>Needs PostgreSQL ({@code -P faults,postgres}, on WildFly {@code -P wildfly,faults,postgres},
 * with the same settings): the classes that use it are skipped on H2.
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

  private static Cluster start() {
    try {
      return Cluster.start("cluster", INSTANCES, SETTINGS);
    } catch (Exception e) {
      throw new IllegalStateException("the shared cluster did not start", e);
    }
  }
}
