package org.hse.api.faults;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
import org.hse.api.FreshDatabase;

/**
 * Several instances of the packaged WAR over one fresh PostgreSQL database (the build's {@code
 * DB_*} settings, recreated first and dropped at the end) behind {@link HaProxy}, configured as the
 * README's "Running several instances" says: the same database and the same issuer (the balancer's
 * URL), a data directory each, nothing else shared. The instances start in parallel. Test-only.
 */
final class Cluster implements AutoCloseable {

  final Path workDir;
  final List<PayaraMicro> servers;
  final List<URI> instances;
  private HaProxy balancer;

  private Cluster(Path workDir, List<PayaraMicro> servers, List<URI> instances) {
    this.workDir = workDir;
    this.servers = servers;
    this.instances = instances;
  }

  /** Starts {@code size} instances with these settings besides the shared ones, then HAProxy. */
  static Cluster start(String name, int size, Map<String, String> settings) throws Exception {
    HaProxy.requireInstalled();
    Path workDir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "faults")).toAbsolutePath(), name + "-");
    int balancerPort = PayaraMicro.freePort();
    FreshDatabase.recreate();
    List<PayaraMicro> servers = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      Map<String, String> env = environment(workDir.resolve("data-" + i), balancerPort);
      env.putAll(settings);
      servers.add(new PayaraMicro("payara-" + i, workDir, env));
    }
    Cluster cluster = new Cluster(workDir, servers, new ArrayList<>());
    try {
      cluster.instances.addAll(atOnce(servers, server -> server::start));
      cluster.balancer = HaProxy.start(workDir, balancerPort, cluster.instances);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Runs a task on every server at once and waits for them all: their results, in the servers'
   * order. The instances start and stop this way, each in its own time rather than one after
   * another (one after another, the three stopped in about 36 s).
   */
  private static <T> List<T> atOnce(
      List<PayaraMicro> servers, Function<PayaraMicro, Callable<T>> task)
      throws InterruptedException, ExecutionException {
    ExecutorService running = Executors.newFixedThreadPool(servers.size());
    try {
      List<Future<T>> submitted = new ArrayList<>();
      for (PayaraMicro server : servers) {
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

  /** The settings of one instance: the shared database and issuer, its own data directory. */
  private static Map<String, String> environment(Path dataDir, int balancerPort) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
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
    FreshDatabase.drop();
  }
}
