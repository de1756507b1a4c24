package org.hse.api.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Before anything else touches the database: makes an H2 file database write every commit before it
 * is answered ({@link H2WriteDelay}), then brings the schema up to date with Flyway.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "db.url", defaultValue = "")
  String url;

  @PostConstruct
  void migrate() {
    try (Connection connection = dataSource.getConnection()) {
      H2WriteDelay.enforce(connection, url);
    } catch (SQLException e) {
      throw new IllegalStateException("The database did not answer at start-up", e);
    }
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
