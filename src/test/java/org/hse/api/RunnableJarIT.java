package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.hse.api.faults.PayaraMicro;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one runnable artifact that {@code ./mvnw package} builds ({@code
 * target/incident-actions.jar}, Payara Micro's uber jar) carries everything a start needs, so that
 * production is {@code java -jar} plus environment variables: the WAR at the root context, the
 * options of every documented start (no Hazelcast, no usage tracking sent), the system properties,
 * and the very pre-boot commands and logging of {@code server-config/payara/}. {@link ServerLogIT}
 * and {@link ListeningSocketsIT} run it; this reads what it holds.
 */
class RunnableJarIT {

  private static final Path CONFIG = Path.of("server-config", "payara");

  private static JarFile jar;

  @BeforeAll
  static void open() throws IOException {
    jar = new JarFile(PayaraMicro.buildFile("app.jar"));
  }

  @Test
  void itCarriesTheWarAtTheRootContext() throws IOException {
    assertNotNull(jar.getEntry("MICRO-INF/deploy/incident-actions.war"));
    assertEquals(
        "/", properties("MICRO-INF/deploy/contexts.properties").get("incident-actions.war"));
  }

  @Test
  void itStartsWithoutHazelcastAndSendsNoUsageTracking() throws IOException {
    Properties boot = properties("MICRO-INF/deploy/payaramicro.properties");
    assertEquals("true", boot.get("payaramicro.noHazelcast"));
    assertEquals("true", boot.get("payaramicro.disablePhoneHome"));
    assertEquals("false", boot.get("payaramicro.noCluster"), "--nocluster would start Hazelcast");
    Properties system = new Properties();
    try (InputStream in = Files.newInputStream(CONFIG.resolve("system.properties"))) {
      system.load(in);
    }
    for (String name : system.stringPropertyNames()) {
      assertEquals(system.getProperty(name), boot.get(name), name);
    }
  }

  @Test
  void itCarriesThePreBootCommandsAndLoggingOfServerConfig() throws IOException {
    assertEquals(
        Files.readString(CONFIG.resolve("pre-boot-commands.asadmin")),
        text("MICRO-INF/pre-boot-commands.txt"));
    assertEquals(
        Files.readString(CONFIG.resolve("logging.properties")),
        text("MICRO-INF/domain/logging.properties"));
  }

  private static Properties properties(String entry) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = stream(entry)) {
      properties.load(in);
    }
    return properties;
  }

  private static String text(String entry) throws IOException {
    try (InputStream in = stream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream stream(String entry) throws IOException {
    ZipEntry found = jar.getEntry(entry);
    assertNotNull(found, entry + " in " + jar.getName());
    return jar.getInputStream(found);
  }
}
