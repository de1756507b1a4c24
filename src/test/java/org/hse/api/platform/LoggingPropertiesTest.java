package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar's logging ({@code server-config/payara/logging.properties}, which it carries)
 * and the JSON lines an operator switches to ({@code logging-json.properties}, given with {@code
 * --logproperties}) set the same levels: only the console's formatter differs, so that switching to
 * JSON changes the format of the lines, never which lines are written.
 */
class LoggingPropertiesTest {

  private static final Path DIR = Path.of("server-config", "payara");

  private static final String FORMATTER = "java.util.logging.ConsoleHandler.formatter";

  @Test
  void theJsonLoggingDiffersFromTheTextLoggingInTheFormatterAlone() throws IOException {
    Map<String, String> text = read("logging.properties");
    Map<String, String> json = read("logging-json.properties");
    assertEquals("java.util.logging.SimpleFormatter", text.remove(FORMATTER), "text");
    assertEquals(
        "fish.payara.enterprise.server.logging.JSONLogFormatter", json.remove(FORMATTER), "json");
    assertEquals(text, json);
  }

  @Test
  void neitherWritesColourCodesNorPayarasStackTracePerRefusedToken() throws IOException {
    for (String file : new String[] {"logging.properties", "logging-json.properties"}) {
      Map<String, String> levels = read(file);
      assertEquals(
          "false", levels.get("com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor"), file);
      assertEquals(
          "WARNING",
          levels.get("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore.level"),
          file);
    }
  }

  private static Map<String, String> read(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(DIR.resolve(name))) {
      properties.load(reader);
    }
    Map<String, String> map = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
    return map;
  }
}
