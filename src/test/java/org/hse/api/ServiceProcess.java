package org.hse.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hse.api.faults.PayaraMicro;

/**
 * The service as a child process of the test, started the way an operator starts it and configured
 * by environment variables only, for tests that crash, stop and restart it: {@link #kill()} is
 * {@code kill -9}, {@link #terminate()} is {@code kill -TERM} (the server drains as its operator
 * configured it), and {@link #start()} again brings up the same configuration (port, data
 * directory, database). Test-only.
 *
 * <p>Two implementations, chosen by the system property {@value #SERVER} that also chooses the
 * suite's shared server ({@link SharedServer}): {@link PayaraMicro} (the runnable jar, {@code java
 * -jar incident-actions.jar}) by default, and {@link WildFly} ({@code bin/standalone.sh} on the
 * server that {@code -P wildfly} configured) with {@code it.server=wildfly}. A test holds one and
 * never asks which it is, except to name it in its figures ({@link #serverName()}).
 */
public interface ServiceProcess extends AutoCloseable {

  /** The system property that names the server: {@code wildfly}, or Payara Micro without it. */
  String SERVER = "it.server";

  /**
   * The system property with the JVM options of the servers the fault tests start (separated by
   * spaces; none by default): the fault profile gives them options that make them start faster (C1
   * alone), which tests the service, not the JIT.
   */
  String JVM_OPTIONS = "faults.jvmOptions";

  /** Whether the servers of this run are WildFly ({@code -P wildfly}) rather than Payara Micro. */
  static boolean onWildFly() {
    return "wildfly".equals(System.getProperty(SERVER));
  }

  /**
   * The service (not yet started) at the root context, as production runs it, on the server of this
   * run ({@value #SERVER}): named {@code name} (its log is {@code <workDir>/<name>.log}), its
   * server's own files in {@code workDir}, exactly these service settings as its environment, on a
   * free port that stays its own across restarts.
   */
  static ServiceProcess of(String name, Path workDir, Map<String, String> settings) {
    return onWildFly()
        ? new WildFly(name, workDir, settings)
        : new PayaraMicro(name, workDir, settings);
  }

  /** {@code Payara Micro} or {@code WildFly}, for the figures a test prints. */
  String serverName();

  /**
   * Whether the server answers new requests {@code 503} from the moment it gets a SIGTERM until its
   * port closes (WildFly suspends at once), rather than serving them while its readiness is DOWN
   * and a balancer takes it out (Payara Micro's shutdown grace). Either way it completes the
   * requests in flight.
   */
  boolean refusesRequestsWhileStopping();

  /** Starts the server and waits until the application answers; returns its base URL. */
  URI start();

  /** The application's base URL, {@code http://127.0.0.1:<port>/}. */
  URI baseUrl();

  /**
   * Gives requests in flight no grace beyond what they need at a stop, from the next start on, for
   * a server whose graceful stop no test observes: each stop at the end of a run then costs no
   * waiting.
   */
  ServiceProcess quickStop();

  /**
   * The process of the server's current start, null before the first: what {@link #kill()}, {@link
   * #terminate()} and {@link #awaitExit} act on.
   */
  ChildProcess process();

  /** Whether the server's process runs: started, and neither killed nor stopped since. */
  default boolean running() {
    ChildProcess process = process();
    return process != null && process.isAlive();
  }

  /** {@code kill -9} of the server and its processes: no shutdown hooks, no chance to flush. */
  default void kill() {
    process().kill();
  }

  /**
   * {@code kill -TERM} of the server's process, as an orchestrator sends it, and returns at once:
   * the server drains as its operator configured it (Payara Micro's shutdown grace, WildFly's
   * suspend timeout) and stops.
   */
  default void terminate() {
    process().terminate();
  }

  /** Waits until the server process has exited; its exit code. */
  default int awaitExit(Duration timeout) throws InterruptedException {
    return process().awaitExit(timeout);
  }

  /** Where the server's output goes: one file for every start, appended. */
  Path log();

  /** Stops the server politely, if it runs, and deletes what it wrote but its log and data. */
  @Override
  void close();
}
