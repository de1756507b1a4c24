package org.hse.api.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hse.api.ChildProcess;
import org.hse.api.ServiceProcess;

/**
 * The service on Payara Micro as a child process of the test ({@link ServiceProcess}), the way an
 * operator runs it, configured by environment variables only, for tests that crash and restart the
 * service: {@link #kill()} is {@code kill -9}, and {@link #start()} again brings up the same
 * configuration (port, data directory, database).
 *
 * <p>At the root context it is the runnable jar of the build ({@code app.jar}, {@code java -jar
 * incident-actions.jar} with {@code HTTP_PORT}, as the README's production start), which carries
 * its own boot commands, logging and shutdown grace. At another context root (Arquillian's {@code
 * /incident-actions}, for the shared server) it is the packaged WAR on the plain Payara Micro jar
 * ({@code payara.microJar}, {@code app.war}, the pre-boot commands of {@code
 * server-config/payara/}, {@code payara.prebootCommands}), since the runnable jar serves the root
 * alone.
 *
 * <p>The child does not inherit the service's settings from the test JVM's environment (the build
 * sets {@code DB_URL}, {@code DATA_DIR}, ... for the Arquillian tests): it gets exactly the
 * variables given to {@link #PayaraMicro(String, Path, Map)}, so without {@code DB_URL} it runs on
 * the embedded default, H2 in {@code DATA_DIR}. Test-only.
 */
public final class PayaraMicro implements ServiceProcess {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(8);

  /**
   * A shutdown grace for a server whose graceful stop no test observes. Payara Micro waits out the
   * whole grace on SIGTERM even when no request is in flight (a stop took 10.7 s with a 10 s grace,
   * 1.7 s with 1 s), so each server that the suite stops at the end of a run would add the runnable
   * jar's 3 s to it.
   */
  public static final Duration QUICK_STOP = Duration.ofMillis(500);

  /** Prefixes of the environment variables that configure the service (README, Configuration). */
  private static final List<String> SERVICE_SETTINGS =
      List.of("DB_", "DATA_DIR", "DEMO_", "AUTH_", "MP_JWT_", "API_", "PAYARA_", "HTTP_");

  private final String name;
  private final Path workDir;
  private final Map<String, String> environment;
  private final int port;
  private final String contextRoot;

  /** The grace given with {@code --shutdowngrace}; null: the runnable jar's own (README). */
  private Duration shutdownGrace;

  private List<String> options = List.of();
  private ChildProcess process;
  private int starts;

  /**
   * A server (not yet started) named {@code name}, whose log and Payara instance directories live
   * in {@code workDir}, with these service settings as environment variables, on a free port.
   */
  public PayaraMicro(String name, Path workDir, Map<String, String> environment) {
    this(name, workDir, environment, "/");
  }

  /**
   * The same, with the WAR at {@code contextRoot} instead of the root ({@code /}), as Arquillian
   * deploys it ({@code /incident-actions}): then {@code /openapi}, {@code /health} and {@code
   * /metrics} are Payara's own at the server root, not the application's.
   */
  public PayaraMicro(
      String name, Path workDir, Map<String, String> environment, String contextRoot) {
    this.name = name;
    this.workDir = workDir.toAbsolutePath();
    this.environment = new TreeMap<>(environment);
    this.port = freePort();
    this.contextRoot = contextRoot;
  }

  /**
   * Gives requests in flight this long on SIGTERM from the next start on, instead of the runnable
   * jar's own grace (3 s).
   */
  public synchronized PayaraMicro shutdownGrace(Duration grace) {
    this.shutdownGrace = grace;
    return this;
  }

  /**
   * Gives the server these Payara Micro options after its own from the next start on, as an
   * operator adds them after the jar (e.g. {@code --accesslog <directory>}).
   */
  public synchronized PayaraMicro options(String... options) {
    this.options = List.of(options);
    return this;
  }

  @Override
  public String serverName() {
    return "Payara Micro";
  }

  /**
   * False: during its shutdown grace Payara Micro serves new requests too, while {@code
   * /health/ready} answers DOWN and a balancer takes it out.
   */
  @Override
  public boolean refusesRequestsWhileStopping() {
    return false;
  }

  /** {@link #QUICK_STOP}: Payara Micro waits out its whole grace at a stop. */
  @Override
  public PayaraMicro quickStop() {
    return shutdownGrace(QUICK_STOP);
  }

  /** Starts Payara Micro and waits until the application answers; returns its base URL. */
  @Override
  public synchronized URI start() {
    launch();
    process.awaitHttp(baseUrl().resolve(readiness(environment)), STARTUP_TIMEOUT);
    return baseUrl();
  }

  /**
   * Starts Payara Micro and returns at once, for a test of a start that must fail: the application
   * is then not deployed, so nothing {@link #start()} waits for ever answers, and the test reads
   * the {@link #log()} instead.
   */
  public synchronized void launch() {
    if (running()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    Map<String, String> settings = new TreeMap<>(environment);
    if (contextRoot.equals("/")) {
      // the README's production start: java -jar incident-actions.jar, the port from HTTP_PORT
      command.addAll(List.of("-jar", buildFile("app.jar")));
      settings.put("HTTP_PORT", Integer.toString(port));
    } else {
      command.addAll(
          List.of(
              "-jar",
              buildFile("payara.microJar"),
              "--nohazelcast",
              "--port",
              Integer.toString(port),
              "--prebootcommandfile",
              buildFile("payara.prebootCommands"),
              "--deploy",
              buildFile("app.war"),
              "--contextroot",
              contextRoot));
    }
    if (shutdownGrace != null) {
      command.addAll(List.of("--shutdowngrace", Long.toString(shutdownGrace.toMillis())));
    }
    // a fresh instance directory per start, inside the test's directory (not /tmp)
    command.addAll(List.of("--rootdir", instanceDir(starts).toString()));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    serviceSettings(builder, settings);
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    process = ChildProcess.start(name, builder, log());
  }

  /**
   * What answers 200 once the application is deployed, relative to its base URL: the built-in token
   * endpoint's JWKS, which also says that its keys are published; with an external issuer ({@code
   * MP_JWT_VERIFY_PUBLICKEY_LOCATION}), which switches that endpoint off, the docs page.
   */
  public static String readiness(Map<String, String> settings) {
    return settings.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
        ? "docs/"
        : "realms/hse/protocol/openid-connect/certs";
  }

  /** The JVM options of the child, from the system property {@value ServiceProcess#JVM_OPTIONS}. */
  public static List<String> jvmOptions() {
    String options = System.getProperty(JVM_OPTIONS, "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  /** The application's base: {@code http://127.0.0.1:<port>/<context root>/}. */
  @Override
  public URI baseUrl() {
    String path = contextRoot.equals("/") ? "/" : "/" + contextRoot.replaceAll("^/|/$", "") + "/";
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public synchronized ChildProcess process() {
    return process;
  }

  /** The process id of the running server. */
  public synchronized long pid() {
    return process.pid();
  }

  /** Where the server's output goes: one file for every start, appended. */
  @Override
  public Path log() {
    return workDir.resolve(name + ".log");
  }

  /**
   * Stops the server politely, if it runs, and deletes its Payara instance directories (about 100
   * MB each); the log and the data directory stay.
   */
  @Override
  public synchronized void close() {
    if (process != null) {
      process.close();
      process = null;
    }
    for (int start = 1; start <= starts; start++) {
      deleteTree(instanceDir(start));
    }
  }

  private Path instanceDir(int start) {
    // named after the server, so that several servers may share one work directory
    return workDir.resolve(name + "-" + start);
  }

  /**
   * Gives the child exactly these service settings: the test JVM's own (the build's, for the
   * Arquillian tests) are taken out of the environment it inherits.
   */
  public static void serviceSettings(ProcessBuilder builder, Map<String, String> settings) {
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> SERVICE_SETTINGS.stream().anyMatch(key::startsWith));
    env.putAll(settings);
  }

  /** Deletes a directory and everything in it; nothing if it is not there. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file of the build that failsafe names in this system property (the WAR, the jar, ...). */
  public static String buildFile(String property) {
    String value = System.getProperty(property, "");
    if (value.isBlank() || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException(
          "System property "
              + property
              + " does not name a file of the build ("
              + value
              + "): run the tests through Maven (mvn verify).");
    }
    return Path.of(value).toAbsolutePath().toString();
  }

  /** A port nobody listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
