package org.hse.api.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path home;
  private final int port;
  private final Path realmFile;
  private final Path log;
  private final String adminUser;
  private final String adminPassword;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;
  private Thread shutdownHook;

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
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  script.toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--db=dev-mem",
                  "--import-realm")
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      // a developer's own Keycloak settings (KC_DB, KC_HOSTNAME, ...) must not leak into the test
      env.keySet().removeIf(name -> name.startsWith("KC_"));
      env.put("JAVA_HOME", javaHome.toString());
      env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
      // what JBoss Threads asks for on Java 24+ (else a stack trace at shutdown)
      env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not start", e);
    }
    shutdownHook = new Thread(this::stop, "keycloak-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Waits until the realm answers its OpenID configuration; fails if Keycloak died. */
  public void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    URI probe = realmUrl().resolve(REALM + "/.well-known/openid-configuration");
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + " before it was ready:\n" + logTail());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Keycloak was not ready within " + STARTUP_TIMEOUT + ":\n" + logTail());
      }
      sleep(Duration.ofMillis(500));
    }
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

  @Override
  public void close() {
    stop();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
      shutdownHook = null;
    }
  }

  /** Stops Keycloak and every process it started: politely, then forcibly. */
  private synchronized void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree =
        process.descendants().collect(Collectors.toCollection(ArrayList::new));
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      tree.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    process = null;
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
          + "\n(full log: "
          + log
          + ")";
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + log + ")";
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
