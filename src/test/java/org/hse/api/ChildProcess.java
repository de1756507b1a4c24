package org.hse.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A server that a test runs as a child process (Keycloak, Payara Micro): its output appended to a
 * log file, waited for over HTTP, and ended either politely or with {@code SIGKILL}. A shutdown
 * hook stops it if the test JVM exits first. Test-only.
 */
public final class ChildProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String name;
  private final Process process;
  private final Path log;
  private Thread shutdownHook;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the process, standard output and error appended to {@code log}; does not wait for it.
   */
  public static ChildProcess start(String name, ProcessBuilder builder, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process =
          builder
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      ChildProcess child = new ChildProcess(name, process, log);
      child.shutdownHook = new Thread(child::stop, name + "-stop");
      Runtime.getRuntime().addShutdownHook(child.shutdownHook);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException(name + " did not start", e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code probe} answers 200; fails if the process died or the timeout passed. */
  public void awaitHttp(URI probe, Duration timeout) {
    poll(
        probe,
        timeout,
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                name
                    + " exited with "
                    + process.exitValue()
                    + " before it was ready:\n"
                    + logTail());
          }
        },
        () -> name + " was not ready within " + timeout + ":\n" + logTail());
  }

  /**
   * Waits until {@code probe} answers 200, polled every 200 ms as a balancer polls a readiness
   * check; fails when the timeout has passed.
   */
  public static void awaitOk(URI probe, Duration timeout) {
    poll(probe, timeout, () -> {}, () -> probe + " did not answer 200 within " + timeout);
  }

  private static void poll(
      URI probe, Duration timeout, Runnable stillRunning, Supplier<String> notReady) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      stillRunning.run();
      try {
        HttpResponse<Void> response =
            HTTP.send(
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
        throw new IllegalStateException(notReady.get());
      }
      sleep(Duration.ofMillis(200));
    }
  }

  /**
   * Kills the process and its descendants with {@code SIGKILL} ({@link Process#destroyForcibly()}
   * on Linux), at once, as a crash or {@code kill -9} would, and waits until it is gone.
   */
  public synchronized void kill() {
    List<ProcessHandle> tree = tree();
    // the process itself first (last in the list), its descendants right after
    for (int i = tree.size() - 1; i >= 0; i--) {
      tree.get(i).destroyForcibly();
    }
    awaitExit(tree);
    removeShutdownHook();
  }

  /** Sends {@code SIGTERM} to the process (only), as {@code kill} does; does not wait. */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the process to exit; its exit code. Fails after the timeout. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " did not exit within " + timeout);
    }
    removeShutdownHook();
    return process.exitValue();
  }

  /** Stops the process and its descendants: {@code SIGTERM}, then {@code SIGKILL} after 30 s. */
  @Override
  public void close() {
    stop();
    removeShutdownHook();
  }

  private synchronized void stop() {
    List<ProcessHandle> tree = tree();
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      tree.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
    awaitExit(tree);
  }

  private List<ProcessHandle> tree() {
    List<ProcessHandle> tree =
        process.descendants().collect(Collectors.toCollection(ArrayList::new));
    tree.add(process.toHandle());
    return tree;
  }

  private static void awaitExit(List<ProcessHandle> tree) {
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception stillThere) {
        handle.destroyForcibly();
      }
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
      shutdownHook = null;
    }
  }

  /** The last 40 lines of the log, and where the rest is. */
  public String logTail() {
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

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
