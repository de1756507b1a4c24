package org.hse.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hse.api.faults.PayaraMicro;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one Payara Micro that the client-level integration tests share: the packaged WAR at {@code
 * /incident-actions}, as Arquillian deploys it, started by the first class that asks for it and
 * stopped when the test run of this JVM ends. A Payara boot takes 20-80 s; every client-level class
 * booting its own took most of the suite's time.
 *
 * <p>The server gets the build's service settings from the test JVM's environment ({@code DB_*},
 * {@code AUTH_*}, {@code MP_JWT_*}, {@code DATA_DIR}, ...; see the failsafe configuration). With
 * {@code -P postgres} it runs on a throwaway database of its own, {@code <it.pg.db>_ shared},
 * created here and dropped at the end, so that the Arquillian tests, which recreate {@code
 * it.pg.db} for every deployment ({@link FreshDatabase}), never pull the database from under it.
 *
 * <p>The classes on this server share its database: each builds its items in tenants of its own
 * ({@link TestWorld}), so that what one class stores never shows in what another counts.
 *
 * <p>With the system property {@code it.server=wildfly} ({@link ServiceProcess#SERVER}; {@code -P
 * wildfly} sets it) the server is the WildFly the build unpacked and configured ({@link WildFly}),
 * with the same WAR, context root and settings; on H2 in an in-memory database of its own, as
 * Payara's, rather than the file database the profile's Arquillian WildFly recreates for every
 * deployment.
 */
public final class SharedServer implements BeforeAllCallback {

  private static final List<String> SETTINGS =
      List.of("DB_", "AUTH_", "DEMO_", "MP_JWT_", "API_", "PAYARA_");

  private static volatile StartedServer<AutoCloseable> running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running = StartedServer.once(context, SharedServer.class, SharedServer::start);
  }

  /**
   * The application's base URL, {@code http://127.0.0.1:<port>/incident-actions/} (on WildFly
   * {@code /}).
   */
  public static URL url() {
    try {
      return base().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same as a URI. */
  public static URI base() {
    if (running == null) {
      throw new IllegalStateException("annotate the class with @ExtendWith(SharedServer.class)");
    }
    return running.base();
  }

  /** The server's log: everything the server printed, for tests that search it. */
  public static Path log() {
    return running.log();
  }

  /** How far the server's log reaches now: a mark for {@link #logSince}. */
  static long logMark() throws IOException {
    return Files.exists(log()) ? Files.size(log()) : 0;
  }

  /** What the server logged after {@code mark}, as ISO-8859-1 (any byte reads as a character). */
  static String logSince(long mark) throws IOException {
    if (!Files.exists(log())) {
      return "";
    }
    byte[] all = Files.readAllBytes(log());
    int from = (int) Math.min(mark, all.length);
    return new String(all, from, all.length - from, StandardCharsets.ISO_8859_1);
  }

  /** The shared server's process (on WildFly {@code standalone.sh}, whose child is the JVM). */
  static long pid() {
    return running.server() instanceof WildFly wildFly
        ? wildFly.pid()
        : ((PayaraMicro) running.server()).pid();
  }

  /** Whether the shared server is WildFly ({@code -P wildfly}) rather than Payara Micro. */
  static boolean onWildFly() {
    return ServiceProcess.onWildFly();
  }

  /**
   * Starts the shared server, which trusts this machine as a proxy: a test names the client of a
   * login in {@code X-Forwarded-For} (the login throttle counts by it), and a request without the
   * header comes from 127.0.0.1 as before.
   */
  private static synchronized StartedServer<AutoCloseable> start() {
    return launch("shared", Map.of("AUTH_TRUSTED_PROXIES", "127.0.0.1,::1"));
  }

  /**
   * A server of the packaged WAR like the shared one, in {@code target/<name>-server}: the build's
   * service settings from the test JVM's environment, then {@code settings} over them; on
   * PostgreSQL a throwaway database of its own, {@code <it.pg.db>_<name>}. The caller closes it.
   */
  static StartedServer<AutoCloseable> launch(String name, Map<String, String> settings) {
    return launch(name, settings, "/incident-actions");
  }

  /**
   * The same, on Payara with the WAR at {@code contextRoot}; at {@code /} it is the README's
   * production start ({@code java -jar incident-actions.jar}, the port from {@code HTTP_PORT}). On
   * WildFly the WAR is at {@code /} whatever this says.
   */
  static StartedServer<AutoCloseable> launch(
      String name, Map<String, String> settings, String contextRoot) {
    Path work = Path.of("target", name + "-server").toAbsolutePath();
    Map<String, String> env = new HashMap<>();
    System.getenv().entrySet().stream()
        .filter(setting -> SETTINGS.stream().anyMatch(setting.getKey()::startsWith))
        .forEach(setting -> env.put(setting.getKey(), setting.getValue()));
    // the build's data directory (its signing keys), which Tokens reads to forge tokens
    env.put("DATA_DIR", System.getenv().getOrDefault("DATA_DIR", work.resolve("data").toString()));
    env.putAll(settings);
    String database = FreshDatabase.own(name, env);
    if (onWildFly()) {
      if (database == null) {
        // no ";DB_CLOSE_DELAY=-1": WildFly's pool splits its URL at ';' (configure.cli); the pool
        // keeps connections open, so the database lives as long as the server
        env.put("DB_URL", "jdbc:h2:mem:" + name);
      }
      WildFly server = new WildFly(work, env);
      return new StartedServer<>(server, server.start(), server.log(), database);
    }
    PayaraMicro server =
        new PayaraMicro("payara", work, env, contextRoot).shutdownGrace(PayaraMicro.QUICK_STOP);
    try {
      // this run's log alone: HostileIT searches it for what this run's tests sent
      Files.deleteIfExists(server.log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StartedServer<>(server, server.start(), server.log(), database);
  }
}
