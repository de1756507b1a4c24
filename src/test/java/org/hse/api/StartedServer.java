package org.hse.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server that one test run shares ({@link SharedServer}, {@link ReadmeServer}), kept in the root
 * store of JUnit's extension context: JUnit closes it when the run of this JVM ends, which stops
 * the server and drops its throwaway database ({@link FreshDatabase#own}).
 *
 * @param server the server's process
 * @param base its base URL
 * @param log everything the server printed
 * @param database its PostgreSQL database, or null on H2
 */
record StartedServer<S extends AutoCloseable>(S server, URI base, Path log, String database)
    implements ExtensionContext.Store.CloseableResource {

  /** The server the first class that asks starts, in the run's root store under {@code owner}. */
  static <S extends AutoCloseable> StartedServer<S> once(
      ExtensionContext context, Class<?> owner, Supplier<StartedServer<S>> start) {
    @SuppressWarnings("unchecked")
    StartedServer<S> started =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(owner))
            .getOrComputeIfAbsent(StartedServer.class, key -> start.get(), StartedServer.class);
    return started;
  }

  @Override
  public void close() throws Exception {
    server.close();
    FreshDatabase.dropOwn(database);
  }
}
