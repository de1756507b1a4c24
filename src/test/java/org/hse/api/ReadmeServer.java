package org.hse.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hse.api.faults.PayaraMicro;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one server started the README's way ({@code -P run}: the runnable jar) that {@link
 * DocsPageIT}, {@link ListeningSocketsIT} and {@link ServerLogIT} share: the demo data and the demo
 * users, a fresh data directory, so that the demo data load anew into an empty database, and the
 * access log switched on. Started by the first class that asks for it, stopped when the test run of
 * this JVM ends; each class booted its own before (a boot is 20-80 s). Neither class writes to it.
 *
 * <p>With {@code -P postgres} it runs on a throwaway database of its own, {@code <it.pg.db>_readme}
 * ({@link FreshDatabase#own}), so that the pool is checked on PostgreSQL too and the Arquillian
 * tests, which recreate {@code it.pg.db} for every deployment, never pull the database from under
 * it.
 */
public final class ReadmeServer implements BeforeAllCallback {

  /** The README server's {@code HTTP_THREADS}: below the 200 of Payara Micro's default. */
  static final int HTTP_THREADS = 4;

  private static volatile StartedServer<PayaraMicro> running;

  private static volatile Path dataDir;

  private static volatile Path accessLogDir;

  @Override
  public void beforeAll(ExtensionContext context) {
    running = StartedServer.once(context, ReadmeServer.class, ReadmeServer::start);
  }

  /** The server's base URL, the root context: {@code http://127.0.0.1:<port>/}. */
  static URI base() {
    return started().base();
  }

  /** The server's process. */
  static PayaraMicro server() {
    return started().server();
  }

  /** The server's data directory: its signing keys, for tests that forge tokens. */
  static Path dataDir() {
    started();
    return dataDir;
  }

  /** The directory of the server's access log ({@code --accesslog}). */
  static Path accessLogDir() {
    started();
    return accessLogDir;
  }

  private static StartedServer<PayaraMicro> started() {
    if (running == null) {
      throw new IllegalStateException("annotate the class with @ExtendWith(ReadmeServer.class)");
    }
    return running;
  }

  private static synchronized StartedServer<PayaraMicro> start() {
    Path work = Path.of("target", "readme-server").toAbsolutePath();
    Map<String, String> env = new HashMap<>();
    try {
      dataDir = Files.createTempDirectory(Files.createDirectories(work), "data-");
      accessLogDir = Files.createTempDirectory(work, "access-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("DATA_DIR", dataDir.toString());
    env.put("DEMO_ENABLED", "true");
    // the request threads an operator may cap (the README's HTTP_THREADS): ListeningSocketsIT
    // counts them
    env.put("HTTP_THREADS", Integer.toString(HTTP_THREADS));
    if (FreshDatabase.onPostgres()) {
      for (String name : List.of("DB_CLASS", "DB_URL", "DB_USER", "DB_PASSWORD")) {
        env.put(name, System.getenv(name));
      }
    }
    String database = FreshDatabase.own("readme", env);
    PayaraMicro server =
        new PayaraMicro("readme", work, env)
            .shutdownGrace(PayaraMicro.QUICK_STOP)
            // the access log as the README switches it on, written every second
            .options("--accesslog", accessLogDir.toString(), "--accessloginterval", "1");
    try {
      // this start's log alone, which ServerLogIT reads whole
      Files.deleteIfExists(server.log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StartedServer<>(server, server.start(), server.log(), database);
  }
}
