package org.hse.api.faults;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.hse.api.ChildProcess;
import org.hse.api.FreshDatabase;
import org.hse.api.ServiceProcess;
import org.hse.api.faults.TokenRequests.Tokens;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Several instances of the packaged WAR, on the run's server ({@link ServiceProcess#of}: Payara
 * Micro, or WildFly with {@code it.server=wildfly}), over one fresh PostgreSQL database behind
 * {@link HaProxy}, configured as the README's "Running several instances" says: the same database
 * and the same issuer (the balancer's URL), a data directory each, nothing else shared. The
 * database is one of the cluster's own ({@code <it.pg.db>_cluster}, {@link FreshDatabase#own}),
 * created empty and dropped at the end, so that the other fault tests may recreate {@code it.pg.db}
 * meanwhile. The instances start in parallel. As soon as they are ready, the cluster logs in a
 * writer through the balancer: {@link #first}, a token of the first signing key, for the key
 * rotation test. Test-only; the tests share one ({@link SharedCluster}).
 */
final class Cluster implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  final Path workDir;
  final List<ServiceProcess> servers;
  final List<URI> instances;
  private final String database;
  private HaProxy balancer;
  private Tokens first;

  private Cluster(Path workDir, List<ServiceProcess> servers, String database) {
    this.workDir = workDir;
    this.servers = servers;
    this.instances = new ArrayList<>();
    this.database = database;
  }

  /** Starts {@code size} instances with these settings besides the shared ones, then HAProxy. */
  static Cluster start(String name, int size, Map<String, String> settings) throws Exception {
    HaProxy.requireInstalled();
    Path workDir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "faults")).toAbsolutePath(), name + "-");
    int balancerPort = PayaraMicro.freePort();
    Map<String, String> shared = sharedSettings(balancerPort);
    String database = FreshDatabase.own(name, shared);
    List<ServiceProcess> servers = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      Map<String, String> env = new HashMap<>(shared);
      env.put("DATA_DIR", workDir.resolve("data-" + i).toString());
      env.putAll(settings);
      servers.add(ServiceProcess.of("instance-" + i, workDir, env));
    }
    Cluster cluster = new Cluster(workDir, servers, database);
    try {
      cluster.instances.addAll(atOnce(servers, server -> () -> startedAndReady(server)));
      cluster.balancer = HaProxy.start(workDir, balancerPort, cluster.instances);
      cluster.first = TokenRequests.login(cluster.balancerUrl(), "writer");
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Starts the server and waits until its {@code /health/ready} answers UP, as the balancer waits
   * before it sends it anything: on WildFly readiness comes a moment after the application answers
   * (its token verifier must first hold the built-in endpoint's keys), and the tests expect every
   * instance in the balancer's rotation.
   */
  private static URI startedAndReady(ServiceProcess server) {
    URI base = server.start();
    ChildProcess.awaitOk(base.resolve("/health/ready"), READY_TIMEOUT);
    return base;
  }

  /**
   * Runs a task on every server at once and waits for them all: their results, in the servers'
   * order. The instances start and stop this way, each in its own time rather than one after
   * another (one after another, the three stopped in about 36 s).
   */
  private static <T> List<T> atOnce(
      List<ServiceProcess> servers, Function<ServiceProcess, Callable<T>> task)
      throws InterruptedException, ExecutionException {
    ExecutorService running = Executors.newFixedThreadPool(servers.size());
    try {
      List<Future<T>> submitted = new ArrayList<>();
      for (ServiceProcess server : servers) {
        submitted.add(running.submit(task.apply(server)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> each : submitted) {
        results.add(each.get());
      }
      return results;
    } finally {
      running.shutdownNow();
    }
  }

  /**
   * The settings every instance has: the same database and issuer, and the balancer (on this
   * machine) as the trusted proxy whose {@code X-Forwarded-For} names a login's client.
   */
  private static Map<String, String> sharedSettings(int balancerPort) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("AUTH_TRUSTED_PROXIES", "127.0.0.1");
    env.put("DEMO_ENABLED", "false");
    env.put(
        "AUTH_USERS_FILE",
        Path.of(Cluster.class.getResource("/test-users.json").toURI()).toString());
    env.put("MP_JWT_VERIFY_ISSUER", "http://127.0.0.1:" + balancerPort + "/realms/hse");
    for (String name : List.of("DB_CLASS", "DB_URL", "DB_USER", "DB_PASSWORD")) {
      env.put(name, System.getenv(name));
    }
    return env;
  }

  /** The instances whose process runs: every one but those a test killed or stopped. */
  List<URI> running() {
    List<URI> running = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      if (servers.get(i).running()) {
        running.add(instances.get(i));
      }
    }
    return running;
  }

  /** The instances' server, {@code Payara Micro} or {@code WildFly}, for the figures. */
  String serverName() {
    return servers.get(0).serverName();
  }

  /** The writer's tokens of the cluster's first minute, signed by the first key. */
  Tokens first() {
    return first;
  }

  /** The balancer's URL, which clients use. */
  URI balancerUrl() {
    return balancer.baseUrl();
  }

  /** Stops the balancer, then the instances all at once, each within its shutdown grace. */
  @Override
  public void close() throws SQLException {
    if (balancer != null) {
      balancer.close();
    }
    try {
      atOnce(
          servers,
          server ->
              () -> {
                server.close();
                return null;
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("An instance did not stop", e.getCause());
    }
    FreshDatabase.dropOwn(database);
  }
}
