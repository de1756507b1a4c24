package org.hse.api;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.metamodel.Metamodel;
import java.util.Map;

/**
 * Fills the JPA static metamodel ({@code Action_.name}...) outside a server, as the server's
 * persistence provider does when it deploys the unit: the resource models name their fields by it
 * ({@link org.hse.api.model.ResourceModel#fields()}). EclipseLink deploys the application's own
 * persistence unit in validation-only mode, against no database.
 */
public final class TestMetamodel {

  private static EntityManagerFactory unit;

  private TestMetamodel() {}

  /** Deploys the persistence unit once per JVM, so that the static metamodel is filled. */
  public static void populate() {
    metamodel();
  }

  /** The persistence unit's metamodel, deployed once per JVM. */
  public static synchronized Metamodel metamodel() {
    if (unit != null) {
      return unit.getMetamodel();
    }
    unit =
        Persistence.createEntityManagerFactory(
            "incidents",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "eclipselink.validation-only", "true",
                "eclipselink.target-database",
                    "org.eclipse.persistence.platform.database.H2Platform",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING"));
    return unit.getMetamodel();
  }
}
