package org.hse.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Test harness for {@code -P postgres}: every deployment (one Payara Micro per test class) gets an
 * empty PostgreSQL database, as it gets an empty in-memory H2 database by default, so Flyway
 * migrates from scratch and no test sees another class's or an earlier run's rows.
 *
 * <p>Active only when the system property {@code it.db.admin-url} names a maintenance database (the
 * profile sets it). The database to recreate is the one in the environment's {@code DB_URL}, the
 * same value Payara reads; {@code DB_USER} and {@code DB_PASSWORD} connect. It is dropped and
 * created before every deployment and dropped after it. Registered as an Arquillian extension
 * through {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}; tests that
 * start the server themselves call {@link #recreate()} and {@link #drop()}.
 */
public class FreshDatabase implements LoadableExtension {

  static final String ADMIN_URL = "it.db.admin-url";

  static final String H2_FILE = "it.db.h2-file";

  private static final Pattern DATABASE =
      Pattern.compile("^jdbc:postgresql://[^/]+/([A-Za-z_][A-Za-z0-9_]*)(\\?.*)?$");

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(FreshDatabase.class);
  }

  public void beforeDeploy(@Observes BeforeDeploy event) throws SQLException {
    recreate();
  }

  public void afterUndeploy(@Observes AfterUnDeploy event) throws SQLException {
    drop();
  }

  private static void deleteH2Files(String base) {
    for (String suffix : new String[] {".mv.db", ".trace.db"}) {
      try {
        Files.deleteIfExists(Path.of(base + suffix));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Whether the tests run on PostgreSQL: the build named a maintenance database. */
  public static boolean onPostgres() {
    return database() != null;
  }

  /**
   * Drops and creates the throwaway database; nothing when the tests do not run on PostgreSQL. On
   * WildFly, which runs every test class in one JVM, an H2 database named by {@code it.db.h2-file}
   * (the profile sets it) is deleted instead, as Payara Micro's in-memory one goes with its
   * process.
   */
  public static void recreate() throws SQLException {
    String h2File = System.getProperty(H2_FILE, "");
    if (!h2File.isBlank()) {
      deleteH2Files(h2File);
    }
    String database = database();
    if (database != null) {
      recreate(database);
    }
  }

  /** Drops and creates the named throwaway database ({@link SharedServer}'s). */
  static void recreate(String database) throws SQLException {
    drop(database);
    execute("CREATE DATABASE " + database);
  }

  /** Drops the throwaway database; nothing when the tests do not run on PostgreSQL. */
  public static void drop() throws SQLException {
    String database = database();
    if (database != null) {
      drop(database);
    }
  }

  static void drop(String database) throws SQLException {
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  /**
   * On PostgreSQL, a throwaway database of a server that outlives the Arquillian deployments
   * ({@link SharedServer}, {@link ReadmeServer}): {@code <it.pg.db>_<suffix>}, created empty, with
   * {@code DB_URL} in {@code env} pointed at it; its name. Null, and {@code env} untouched, on H2.
   */
  public static String own(String suffix, Map<String, String> env) {
    if (!onPostgres()) {
      return null;
    }
    String database = database() + "_" + suffix;
    env.put("DB_URL", env.get("DB_URL").replaceFirst("/[A-Za-z0-9_]+(\\?.*)?$", "/" + database));
    try {
      recreate(database);
    } catch (SQLException e) {
      throw new IllegalStateException("the database " + database, e);
    }
    return database;
  }

  /** Drops a database of {@link #own}; nothing for null. */
  public static void dropOwn(String database) throws SQLException {
    if (database != null) {
      drop(database);
    }
  }

  /**
   * Cuts a throwaway database off, as a restart does to the servers using it (it takes no
   * connection, and every open one is ended), or lets it take connections again.
   */
  static void cutOff(String database, boolean off) throws SQLException {
    execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !off);
    if (off) {
      execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + database
              + "'");
    }
  }

  /** The throwaway database's name, or null when the tests do not run on PostgreSQL. */
  static String database() {
    if (System.getProperty(ADMIN_URL, "").isBlank()) {
      return null;
    }
    String url = System.getenv().getOrDefault("DB_URL", "");
    Matcher matcher = DATABASE.matcher(url);
    if (!matcher.matches()) {
      throw new IllegalStateException(
          ADMIN_URL + " is set, but DB_URL is not jdbc:postgresql://<host>/<database>: " + url);
    }
    String database = matcher.group(1);
    if (System.getProperty(ADMIN_URL).matches(".*/" + database + "(\\?.*)?")) {
      throw new IllegalStateException("refusing to drop the maintenance database " + database);
    }
    return database;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                System.getProperty(ADMIN_URL),
                System.getenv("DB_USER"),
                System.getenv("DB_PASSWORD"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
