package org.hse.api.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a write on an H2 file database durable before it is answered: {@code WRITE_DELAY} 0.
 *
 * <p>Why. H2 writes committed transactions to its file late by default: {@code WRITE_DELAY} is 500
 * ms ({@code Constants.DEFAULT_WRITE_DELAY}), and the MVStore's background writer stores what was
 * committed within that window. A crash of the JVM in the window ({@code kill -9}, the OOM killer)
 * loses writes that were already answered 2xx: a test lost 1 or 2 of 20 links, {@code
 * KillDurabilityIT} 21 of 366 writes. With a write delay of 0 the MVStore has no background writer,
 * and H2's {@code TransactionStore.endTransaction} calls {@code MVStore.commit()}, which writes the
 * new chunk to the file in the committing thread before the commit returns (H2 2.2.224, the version
 * Payara ships). The write has then reached the operating system before the service answers, so it
 * survives a crash of the JVM. H2 forces the file to the disk ({@code fsync}) only when it closes
 * it, so a power loss of the machine itself can still lose the last commits (H2's documentation,
 * "Durability Problems"); PostgreSQL is the database for that.
 *
 * <p>How, on every path:
 *
 * <ul>
 *   <li>The default {@code db.url} carries {@code ;WRITE_DELAY=0}: H2 applies a URL setting when it
 *       opens the database and again, as {@code SET WRITE_DELAY 0}, on every new connection.
 *   <li>An operator's own H2 URL: at start-up {@link #enforce} runs {@code SET WRITE_DELAY 0}. H2
 *       stores that setting in the database, but when it opens the file again it applies the URL's
 *       value over the stored one, or 500 ms when the URL has none ({@code Database} in 2.2.224,
 *       checked against its jar). So it holds while the database stays open, as the data source's
 *       pool (at least 2 connections) keeps it for the life of the application; the log asks to add
 *       {@code ;WRITE_DELAY=0} to the URL, which holds in every case.
 *   <li>A URL that sets any other {@code WRITE_DELAY} would undo it on every new connection: the
 *       application does not deploy, and the log says why.
 *   <li>In-memory H2 ({@code jdbc:h2:mem:}, the Arquillian tests) has no file and is left alone;
 *       other databases too (PostgreSQL's commit waits for its write-ahead log by default).
 * </ul>
 */
final class H2WriteDelay {

  private static final Logger LOG = Logger.getLogger(H2WriteDelay.class.getName());

  private static final Pattern URL_SETTING =
      Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*([^;]*)");

  private H2WriteDelay() {}

  /**
   * Sets {@code WRITE_DELAY} 0 when {@code connection} is to an H2 file database; refuses a {@code
   * configuredUrl} (the {@code db.url} the data source was made from) that sets another value.
   */
  static void enforce(Connection connection, String configuredUrl) throws SQLException {
    if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    String path;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("CALL DATABASE_PATH()")) {
      result.next();
      path = result.getString(1);
    }
    if (path == null) {
      return;
    }
    String inUrl = urlSetting(configuredUrl);
    if (inUrl != null && !inUrl.equals("0")) {
      throw new IllegalStateException(
          "db.url sets WRITE_DELAY="
              + inUrl
              + ": H2 would answer writes before they are in its file and lose them in a crash."
              + " Remove that setting or make it WRITE_DELAY=0.");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET WRITE_DELAY 0");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not make H2 write every commit before it is answered (SET WRITE_DELAY 0, which"
              + " needs an H2 admin as db.user): "
              + e.getMessage(),
          e);
    }
    if (inUrl == null) {
      LOG.warning(
          "db.url has no WRITE_DELAY=0: set for this run (SET WRITE_DELAY 0), but H2 goes back to"
              + " writing up to 500 ms late when it opens "
              + path
              + " again. Add ;WRITE_DELAY=0 to db.url.");
    }
  }

  /** The value the URL gives {@code WRITE_DELAY}, or null when it sets none. */
  static String urlSetting(String url) {
    Matcher matcher = URL_SETTING.matcher(url == null ? "" : url);
    String value = null;
    while (matcher.find()) {
      value = matcher.group(1).trim();
    }
    return value;
  }
}
