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
import org.flywaydb.core.api.output.MigrateResult;
import org.hse.api.v2.DeletedItems;
import org.hse.api.v2.ResourceModels;

/**
 * Before anything else touches the database: makes an H2 file database write every commit before it
 * is answered ({@link H2WriteDelay}), then brings the schema up to date with Flyway. When that
 * applies {@code V7}, which creates the tables of deleted items, it writes their rows from the
 * history's delete entries ({@link DeletedItems#backfill}): the items are JSON there, which H2
 * cannot read in SQL.
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

  @Inject ResourceModels models;

  /** The migration that creates the tables of deleted items. */
  static final String DELETED_ITEMS_VERSION = "7";

  @PostConstruct
  void migrate() {
    String database;
    try (Connection connection = dataSource.getConnection()) {
      H2WriteDelay.enforce(connection, url);
      database = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("The database did not answer at start-up", e);
    }
    MigrateResult result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations(database, "classpath:"))
            .load()
            .migrate();
    if (result.getSuccessfulMigrations().stream()
        .anyMatch(applied -> DELETED_ITEMS_VERSION.equals(applied.version))) {
      backfillDeletedItems();
    }
  }

  private void backfillDeletedItems() {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      int written = DeletedItems.backfill(connection, models.all());
      connection.commit();
      java.util.logging.Logger.getLogger(Migrations.class.getName())
          .info(() -> "Deleted items written from the history: " + written);
    } catch (SQLException e) {
      throw new IllegalStateException("The deleted items could not be written from the history", e);
    }
  }

  /**
   * Where the migrations of this database live: {@code db/migration} for every database, and for
   * PostgreSQL also {@code db/postgresql}, which holds what H2 cannot do (expression indexes),
   * numbered between the common versions (e.g. {@code V2_1}).
   *
   * @param database the JDBC product name, e.g. {@code PostgreSQL} or {@code H2}
   * @param prefix {@code classpath:} in the server, {@code filesystem:src/main/resources/} in tools
   */
  public static String[] locations(String database, String prefix) {
    return "PostgreSQL".equals(database)
        ? new String[] {prefix + "db/migration", prefix + "db/postgresql"}
        : new String[] {prefix + "db/migration"};
  }
}
