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
import org.hse.api.model.ResourceModels;
import org.hse.api.persistence.DataSourceName;
import org.hse.api.query.DeletedItemTables;

/**
 * Before anything else touches the database: makes an H2 file database write every commit before it
 * is answered ({@link H2WriteDelay}), then brings the schema up to date with Flyway: the SQL
 * migrations, and {@link DeletedItemsFromHistory}, which is Java. Last, it stops the start if a
 * table of deleted items lacks a column for a field of its resource ({@link DeletedItemTables}):
 * the tables mirror the models by name only, and a delete would fail on the missing column.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  @Resource(lookup = DataSourceName.JNDI)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "db.url", defaultValue = "")
  String url;

  @Inject ResourceModels models;

  @PostConstruct
  void migrate() {
    String database;
    try (Connection connection = dataSource.getConnection()) {
      H2WriteDelay.enforce(connection, url);
      database = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("The database did not answer at start-up", e);
    }
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(MigrationLocations.of(database, "classpath:"))
        .javaMigrations(new DeletedItemsFromHistory(models.all()))
        .load()
        .migrate();
    try (Connection connection = dataSource.getConnection()) {
      DeletedItemTables.check(connection, models.all());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The columns of the tables of deleted items were unreadable", e);
    }
  }
}
