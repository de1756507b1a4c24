package org.hse.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hse.api.faults.PayaraMicro;

/**
 * The server that {@code -P wildfly} provisioned and configured with {@code
 * server-config/wildfly/configure.cli}, with the WAR in its deployments directory ({@code
 * wildfly.home}, {@code target/server}: what an operator deploys), started as an operator starts
 * it: {@code bin/standalone.sh -c standalone.xml}, served at the server's root as on Payara (the
 * overlay's {@code jboss-web.xml}). The server runs on a base directory of its own ({@code
 * jboss.server.base.dir}: a copy of the configured {@code standalone/configuration}, the overlay's
 * content and the server's WAR, with a {@code .dodeploy} marker), so that several servers of the
 * same home and the Arquillian WildFly of the same profile never share data, deployments or logs;
 * and on a port offset at which every port of {@code standard-sockets} is free, never 8080 or 9990.
 * Its settings are exactly the given environment variables, which {@code web-datasource.xml} and
 * MicroProfile Config read as Payara does. Test-only.
 *
 * <p>As a {@link ServiceProcess} of the fault tests it is killed, stopped and started again on the
 * same port offset, data directory and database: each start on a fresh base directory, its output
 * appended to one log. {@code standalone.sh} runs with {@code LAUNCH_JBOSS_IN_BACKGROUND=1}, as
 * under a service manager, so that it passes a {@code SIGTERM} on to WildFly's JVM and waits for it
 * (without it, the script itself dies of the signal and leaves the JVM running); WildFly then
 * suspends, lets requests in flight complete within {@code org.wildfly.sigterm.suspend.timeout}
 * (which {@code configure.cli} sets) and stops.
 */
public final class WildFly implements ServiceProcess {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

  /** The ports of {@code standalone.xml}'s {@code standard-sockets}, before the offset. */
  private static final List<Integer> PORTS = List.of(8009, 8080, 8443, 9990, 9993, 4712, 4713);

  private static final String WAR = "incident-actions.war";

  /** The ports of every WildFly this JVM made ({@link #freeOffset}). */
  private static final Set<Integer> TAKEN = new HashSet<>();

  private final String name;
  private final Path home;
  private final Path baseDir;
  private final Path log;
  private final Map<String, String> environment;
  private final int offset;
  private ChildProcess process;
  private int starts;

  /** The shared server: its base directory and log in {@code workDir}, named {@code wildfly}. */
  WildFly(Path workDir, Map<String, String> environment) {
    this("wildfly", workDir, environment);
  }

  /**
   * A server (not yet started) named {@code name}: its base directory {@code <workDir>/<name>}, its
   * log {@code <workDir>/<name>.log}, so that several share one work directory.
   */
  public WildFly(String name, Path workDir, Map<String, String> environment) {
    this.name = name;
    this.home = Path.of(System.getProperty("wildfly.home", "")).toAbsolutePath();
    this.baseDir = workDir.toAbsolutePath().resolve(name);
    this.log = workDir.toAbsolutePath().resolve(name + ".log");
    this.environment = Map.copyOf(environment);
    this.offset = freeOffset();
  }

  @Override
  public String serverName() {
    return "WildFly";
  }

  /**
   * True: at a SIGTERM WildFly's shutdown hook suspends the server at once, and Undertow answers
   * every new request 503 (then 404, once the application is undeployed) with its own error page
   * until its listener closes: there is no delay before the suspend in which a balancer could
   * notice the DOWN readiness first.
   */
  @Override
  public boolean refusesRequestsWhileStopping() {
    return true;
  }

  /**
   * Nothing to change: at a stop WildFly waits for the requests in flight alone, never out its
   * whole suspend timeout.
   */
  @Override
  public WildFly quickStop() {
    return this;
  }

  /** Starts WildFly and waits until the application answers; returns its base URL. */
  @Override
  public synchronized URI start() {
    if (running()) {
      throw new IllegalStateException(name + " is running");
    }
    if (!Files.isExecutable(home.resolve("bin/standalone.sh"))) {
      throw new IllegalStateException(
          "wildfly.home is no WildFly the build provisioned ("
              + home
              + "): run mvn verify -P wildfly");
    }
    prepareBaseDir();
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-c",
                "standalone.xml",
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + offset)
            .directory(baseDir.toFile());
    PayaraMicro.serviceSettings(builder, environment);
    Map<String, String> env = builder.environment();
    env.put("JBOSS_HOME", home.toString());
    // the JVM of the tests, as Payara Micro gets it; the heap the Arquillian WildFly gets
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // and the fault tests' JVM options: standalone.conf puts the sizing first in JAVA_OPTS
    List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx768m"));
    jvm.addAll(PayaraMicro.jvmOptions());
    env.put("JBOSS_JAVA_SIZING", String.join(" ", jvm));
    env.remove("JAVA_OPTS");
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    process = ChildProcess.start(name, builder, log);
    process.awaitHttp(baseUrl().resolve(PayaraMicro.readiness(environment)), STARTUP_TIMEOUT);
    return baseUrl();
  }

  /** {@code http://127.0.0.1:<8080 + offset>/}. */
  @Override
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + (8080 + offset) + "/");
  }

  /** The process of {@code standalone.sh}, whose child is WildFly's JVM. */
  synchronized long pid() {
    return process.pid();
  }

  /**
   * The process of {@code standalone.sh}, whose child is WildFly's JVM: {@link #kill()} ends both,
   * {@link #terminate()} signals the script, which passes the signal on to the JVM.
   */
  @Override
  public synchronized ChildProcess process() {
    return process;
  }

  /** Everything WildFly printed (its console log: the same lines as its server.log). */
  @Override
  public Path log() {
    return log;
  }

  /** Stops the server (SIGTERM, WildFly's graceful shutdown), if it runs. */
  @Override
  public synchronized void close() {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  /**
   * A fresh base directory: the configuration, the deployment overlay's content and the WAR that
   * the build wrote into {@code standalone/} (the packaged WAR where the server has none), the WAR
   * with a {@code .dodeploy} marker. The log of an earlier run goes at the first start; a restart
   * appends to it.
   */
  private void prepareBaseDir() {
    Path standalone = home.resolve("standalone");
    PayaraMicro.deleteTree(baseDir);
    copyTree(standalone.resolve("configuration"), baseDir.resolve("configuration"));
    copyTree(standalone.resolve("data/content"), baseDir.resolve("data/content"));
    Path config = baseDir.resolve("configuration/standalone.xml");
    Path deployments = baseDir.resolve("deployments");
    try {
      // a standalone.xml that names deployments (one made through the management interface)
      // would start them too: this server deploys the WAR of the deployments directory alone
      Files.writeString(
          config,
          Files.readString(config).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
      Files.createDirectories(deployments);
      Path war = standalone.resolve("deployments").resolve(WAR);
      Files.copy(
          Files.exists(war) ? war : Path.of(PayaraMicro.buildFile("app.war")),
          deployments.resolve(WAR));
      Files.createFile(deployments.resolve(WAR + ".dodeploy"));
      if (++starts == 1) {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An offset at which every port of {@link #PORTS} is free, the HTTP port a free one, and none is
   * a port the build reserved for the Arquillian WildFly ({@code wildfly.reserved.ports}), which
   * starts after this one: a shared server on one of them made that start fail ("The port ... is
   * already in use"), nor one of another WildFly of this JVM, which may not listen yet (the fault
   * tests' instances are all made before any starts, and keep their ports across restarts).
   */
  private static synchronized int freeOffset() {
    Set<Integer> reserved =
        Stream.of(System.getProperty("wildfly.reserved.ports", "").split(","))
            .map(String::strip)
            .filter(port -> !port.isEmpty())
            .map(Integer::valueOf)
            .collect(Collectors.toSet());
    for (int attempt = 0; attempt < 20; attempt++) {
      int offset = PayaraMicro.freePort() - 8080;
      if (offset > 0
          && 9993 + offset <= 65535
          && PORTS.stream().noneMatch(port -> reserved.contains(port + offset))
          && PORTS.stream().noneMatch(port -> TAKEN.contains(port + offset))
          && PORTS.stream().allMatch(port -> isFree(port + offset))) {
        PORTS.forEach(port -> TAKEN.add(port + offset));
        return offset;
      }
    }
    throw new IllegalStateException("no port offset with every WildFly port free");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
