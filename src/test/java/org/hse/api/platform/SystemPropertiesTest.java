package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar's system properties ({@code server-config/payara/system.properties}) give the
 * data source's settings the very defaults of the WAR ({@code microprofile-config.properties}):
 * Payara needs them before the WAR's configuration is visible, and the two must not drift. Each
 * takes its {@code DB_*} environment variable first.
 */
class SystemPropertiesTest {

  private static final Properties JAR = load(Path.of("server-config/payara/system.properties"));

  private static final Properties WAR =
      load(Path.of("src/main/resources/META-INF/microprofile-config.properties"));

  @Test
  void theDataSourceSettingsTakeTheEnvironmentThenTheWarsDefaults() {
    for (String name : new String[] {"class", "user", "password"}) {
      assertEquals(
          "${DB_" + name.toUpperCase() + ":" + WAR.getProperty("db." + name) + "}",
          JAR.getProperty("db." + name),
          "db." + name);
    }
    assertEquals("${DB_URL:${db.h2.url}}", JAR.getProperty("db.url"));
    assertEquals(
        WAR.getProperty("db.url")
            .replace("${data.dir}", "${data.dir:" + WAR.getProperty("data.dir") + "}"),
        JAR.getProperty("db.h2.url"));
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }
}
