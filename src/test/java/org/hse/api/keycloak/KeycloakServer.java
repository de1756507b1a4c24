package org.hse.api.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.hse.api.ChildProcess;

/**
 * A Keycloak server of the build, run as a child process for one test class: the distribution
 * unpacked by Maven into {@code target/}, started with {@code kc.sh start-dev} on a loopback port
 * with an in-memory database, the realm export of {@code server-config/keycloak/} imported and a
 * bootstrap admin whose credentials are random for each run.
 *
 * <p>The build passes its settings as system properties: {@code keycloak.home} (the unpacked
 * distribution), {@code keycloak.port}, {@code keycloak.realm.file}, {@code keycloak.log} and
 * optionally {@code keycloak.java.home} (else {@link JavaFinder} looks for a JDK 21+).
 *
 * <p>{@link #start()} only launches the process, so that Keycloak and the application server can
 * start side by side; {@link #awaitReady()} waits for the imported realm. {@link #close()} stops
 * the whole process tree; a shutdown hook does the same if the test JVM exits first.
 */
public final class KeycloakServer implements AutoCloseable {

  /** The realm of {@code server-config/keycloak/hse-realm.json}. */
  public static final String REALM = "hse";

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

  private final Path home;
  private final int port;
  private final Path realmFile;
  private final Path log;
  private final String adminUser;
  private final String adminPassword;
  private ChildProcess process;

  private KeycloakServer(Path home, int port, Path realmFile, Path log) {
    this.home = home;
    this.port = port;
    this.realmFile = realmFile;
    this.log = log;
    SecureRandom random = new SecureRandom();
    byte[] name = new byte[4];
    random.nextBytes(name);
    this.adminUser = "it-admin-" + HexFormat.of().formatHex(name);
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    this.adminPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The server the build configured through system properties. */
  public static KeycloakServer fromBuild() {
    return new KeycloakServer(
        Path.of(required("keycloak.home")),
        Integer.parseInt(required("keycloak.port")),
        Path.of(required("keycloak.realm.file")),
        Path.of(System.getProperty("keycloak.log", "target/keycloak.log")));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          "System property "
              + property
              + " is not set: run KeycloakIT through Maven (mvn verify), whose failsafe execution"
              + " 'keycloak-it' unpacks Keycloak and sets it.");
    }
    return value;
  }

  /** Launches Keycloak (does not wait for it: see {@link #awaitReady()}). */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    Path javaHome = JavaFinder.keycloakJava();
    Path script = home.resolve("bin/kc.sh");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("No Keycloak distribution at " + home + " (bin/kc.sh).");
    }
    try {
      Path imports = Files.createDirectories(home.resolve("data/import"));
      Files.copy(
          realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  script.toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--db=dev-mem",
                  "--import-realm")
              .directory(home.toFile());
      Map<String, String> env = builder.environment();
      // a developer's own Keycloak settings (KC_DB, KC_HOSTNAME, ...) must not leak into the test
      env.keySet().removeIf(name -> name.startsWith("KC_"));
      env.put("JAVA_HOME", javaHome.toString());
      env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
      // what JBoss Threads asks for on Java 24+ (else a stack trace at shutdown)
      env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      Files.deleteIfExists(log);
      process = ChildProcess.start("Keycloak", builder, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not start", e);
    }
  }

  /** Waits until the realm answers its OpenID configuration; fails if Keycloak died. */
  public void awaitReady() {
    process.awaitHttp(
        realmUrl().resolve(REALM + "/.well-known/openid-configuration"), STARTUP_TIMEOUT);
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** {@code http://127.0.0.1:<port>/realms/}. */
  public URI realmUrl() {
    return baseUrl().resolve("realms/");
  }

  /** The issuer of a realm's tokens, exactly as the service must be configured with it. */
  public String issuer(String realm) {
    return realmUrl().resolve(realm).toString();
  }

  /** An admin REST client logged in as the bootstrap admin. */
  public KeycloakAdmin admin() {
    return KeycloakAdmin.login(baseUrl(), adminUser, adminPassword);
  }

  /** Stops Keycloak and every process it started: politely, then forcibly. */
  @Override
  public synchronized void close() {
    if (process != null) {
      process.close();
      process = null;
    }
  }
}
