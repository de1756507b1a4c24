package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** H2's write delay at start-up, on the H2 version Payara ships (the build compiles against it). */
class H2WriteDelayTest {

  @Test
  void theDefaultUrlWritesEveryCommitBeforeItIsAnswered() throws IOException {
    Properties config = new Properties();
    try (InputStream in =
        H2WriteDelay.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      config.load(in);
    }
    assertEquals("0", H2WriteDelay.urlSetting(config.getProperty("db.url")));
  }

  @Test
  void anOperatorsFileUrlWithoutTheSettingGetsItAtStartUp() throws Exception {
    String url = "jdbc:h2:" + freshDirectory().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (Connection connection = DriverManager.getConnection(url, "sa", "sa")) {
      assertTrue(writeDelays(connection).contains("500"), "H2's own default");
      H2WriteDelay.enforce(connection, url);
      assertEquals(List.of("0"), writeDelays(connection).stream().distinct().toList());
    }
  }

  @Test
  void aUrlThatSetsAnotherWriteDelayRefusesToStart() throws Exception {
    String url = "jdbc:h2:" + freshDirectory().resolve("db") + ";write_delay=500";
    try (Connection connection = DriverManager.getConnection(url, "sa", "sa")) {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> H2WriteDelay.enforce(connection, url));
      assertTrue(refused.getMessage().contains("WRITE_DELAY=500"), refused.getMessage());
    }
  }

  @Test
  void inMemoryDatabasesAreLeftAlone() throws Exception {
    String url = "jdbc:h2:mem:write-delay;DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "sa")) {
      H2WriteDelay.enforce(connection, url);
      // only the current value: no stored SET WRITE_DELAY
      assertEquals(1, writeDelays(connection).size());
    }
  }

  @Test
  void theUrlSettingIsReadLikeH2ReadsIt() {
    assertNull(H2WriteDelay.urlSetting("jdbc:h2:./data/x;DB_CLOSE_ON_EXIT=FALSE"));
    assertNull(H2WriteDelay.urlSetting(null));
    assertEquals("0", H2WriteDelay.urlSetting("jdbc:h2:./data/x;WRITE_DELAY=0;MODE=Regular"));
    assertEquals("250", H2WriteDelay.urlSetting("jdbc:h2:./data/x; write_delay = 250 "));
  }

  /** Every {@code WRITE_DELAY} row: H2 lists the stored setting, if any, and the current value. */
  private static List<String> writeDelays(Connection connection) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows =
        connection
            .createStatement()
            .executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static Path freshDirectory() throws IOException {
    return Files.createTempDirectory(
        Files.createDirectories(Path.of("target", "h2-write-delay")).toAbsolutePath(), "db-");
  }
}
