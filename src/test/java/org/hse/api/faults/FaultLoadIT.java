package org.hse.api.faults;

import static org.hse.api.faults.TokenRequests.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hse.api.ApiClient;
import org.hse.api.ApiClient.Reply;
import org.hse.api.ServiceProcess;
import org.hse.api.TestData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8: faults under load. Three instances over one PostgreSQL behind HAProxy, the run's {@link
 * SharedCluster}, after {@link MultiInstanceIT} and in a project of its own (project 2, as its
 * writer); {@value #WRITERS} writers create actions and links through the balancer and update each
 * link with {@code If-Match}, retrying a create that got no answer with the same id and body (the
 * contract makes that safe). In the middle of the load one instance is killed with {@code SIGKILL}
 * and started again, and later PostgreSQL itself is restarted ({@code pg_ctlcluster ... restart},
 * or the command in {@code -Dfaults.pg.restart}).
 *
 * <p>Right after each fault, every write acknowledged until then is present with at least its
 * acknowledged version. Afterwards every acknowledged write is present with at least its
 * acknowledged version, every incident has exactly as many links as distinct link ids were
 * acknowledged (nothing duplicated), the instances that ran through the database restart answer
 * {@code /health/ready} UP and write again without having been restarted, errors happened only
 * while a fault lasted, and none was a {@code 500}: while the database is away the service answers
 * {@code 503} with {@code Retry-After}. Prints the figures: writes acknowledged, found after each
 * fault and at the end, duplicates, errors per outage and time to recover.
 *
 * <p>The instance killed runs again afterwards; the one stopped with {@code SIGTERM} does not,
 * which {@link KeyRotationIT}, the cluster's last test, allows for. A server that refuses new
 * requests from the signal on ({@link ServiceProcess#refusesRequestsWhileStopping()}: WildFly,
 * which suspends at once) may answer the balancer's requests of that last second with its own 503
 * or 404 page, or close the connection one arrives on without an answer: counted apart, as refusals
 * of the stopping server, not as errors outside a fault. Payara Micro serves through its shutdown
 * grace and may refuse none.
 *
 * <p>Restarting PostgreSQL disturbs every other user of that server: run by {@code mvn verify -P
 * faults,postgres} only (in {@code .ci/run}); skipped on H2.
 */
@Order(3)
@ExtendWith(SharedCluster.class)
class FaultLoadIT {

  static final int WRITERS = 4;
  static final int READERS = 8;
  static final String PROJECT = TestData.P2;
  static final String OFFICE = "53333333-3333-4333-8333-333333333333";

  /** The writer of project 2 ({@code test-users.json}). */
  static final String WRITER = "other";

  static final Duration OUTAGE_MARGIN = Duration.ofSeconds(20);

  /** How long after its exit a stopped instance's last answers may still arrive. */
  static final Duration STOP_MARGIN = Duration.ofSeconds(1);

  static final String RESTART_COMMAND = "pg_ctlcluster --skip-systemctl-redirect 15 main restart";

  /** One fault: when it began, when the service was whole again, what the writers met meanwhile. */
  static final class Outage {
    final String name;
    volatile long began;
    volatile long over = Long.MAX_VALUE;

    Outage(String name) {
      this.name = name;
    }

    boolean covers(long at) {
      return at >= began && at <= over + OUTAGE_MARGIN.toNanos();
    }
  }

  /**
   * A request that failed: its answer's status and body, or {@link #NO_ANSWER} (the connection
   * closed without an answer, which the JDK's client reports as a plain {@code IOException}) or
   * {@link #OTHER_TRANSPORT_ERROR} (a timeout, a refused or reset connection), and the exception.
   */
  record Failure(long at, String request, int status, String detail) {

    static final int NO_ANSWER = 0;
    static final int OTHER_TRANSPORT_ERROR = -1;

    static Failure of(String request, IOException e) {
      return new Failure(
          System.nanoTime(),
          request,
          e.getClass() == IOException.class ? NO_ANSWER : OTHER_TRANSPORT_ERROR,
          e.toString());
    }

    /** A status the server's own error page gave, not the application's JSON. */
    boolean serverPage(int expected) {
      return status == expected && detail.startsWith("<html>");
    }

    String what() {
      return request + ": " + (status > 0 ? status + " " : "") + detail;
    }
  }

  private final Map<String, JsonObject> created = new ConcurrentHashMap<>();
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final Map<String, String> linkIncident = new ConcurrentHashMap<>();
  private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> successes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean writing = new AtomicBoolean(true);
  private final AtomicInteger updates = new AtomicInteger();

  @Test
  void acknowledgedWritesSurviveAnInstanceKillAndADatabaseRestartUnderLoad() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      Cluster cluster = SharedCluster.get();
      List<ServiceProcess> servers = cluster.servers;
      List<URI> instances = cluster.instances;
      URI lb = cluster.balancerUrl();
      ApiClient admin = new ApiClient(lb, login(lb, "admin").access());
      assertEquals(
          201, admin.create("project", TestData.project(PROJECT, "Load").build()).status());
      assertEquals(
          201, admin.create("office", TestData.office(OFFICE, PROJECT, "Load office")).status());
      ApiClient writer = new ApiClient(lb, login(lb, WRITER).access());
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int number = w;
        writers.add(pool.submit(() -> write(writer, number)));
      }
      Outage kill = new Outage("kill -9 of instance 2 and its restart");
      Outage database = new Outage("PostgreSQL restart");
      Thread.sleep(10_000);
      ServiceProcess victim = servers.get(1);
      kill.began = System.nanoTime();
      victim.kill();
      Thread.sleep(5_000);
      victim.start();
      kill.over = System.nanoTime();
      ApiClient checker = new ApiClient(lb, login(lb, "admin").access());
      Presence afterKill = present(checker, Map.copyOf(versions));
      Thread.sleep(10_000);
      database.began = System.nanoTime();
      restartPostgres();
      long restarted = System.nanoTime();
      database.over = awaitWriteAfter(restarted);
      Presence afterDatabase = present(checker, Map.copyOf(versions));
      Thread.sleep(10_000);
      long terminated = System.nanoTime();
      servers.get(2).terminate();
      int exit = servers.get(2).awaitExit(Duration.ofSeconds(60));
      long exited = System.nanoTime();
      Presence afterTerm = present(checker, Map.copyOf(versions));
      Thread.sleep(3_000);
      writing.set(false);
      for (Future<?> w : writers) {
        w.get(2, TimeUnit.MINUTES);
      }

      for (URI instance : instances.subList(0, 2)) {
        Reply ready = new ApiClient(instance, null).get("health/ready");
        assertEquals(200, ready.status(), instance + " not ready: " + ready);
        ApiClient direct = new ApiClient(instance, login(instance, WRITER).access());
        Reply write =
            direct.create(
                "action",
                TestData.action(PROJECT, OFFICE, "TRAINING", "after", "After the faults").build());
        assertEquals(201, write.status(), instance + " does not write again: " + write);
      }
      Verdict verdict = verify(new ApiClient(lb, login(lb, "admin").access()));
      // a server that refuses new requests while it stops (WildFly: suspended, 503, then the
      // application undeployed, 404) answers them with its own error page, before the application
      // sees them, until its port closes, and a request that meets the close on a kept-alive
      // connection gets no answer at all (HAProxy then closes the client's connection, as a server
      // closing an idle connection would): refusals, nothing written
      Predicate<Failure> stopRefusal =
          f ->
              f.at() >= terminated
                  && f.at() <= exited + STOP_MARGIN.toNanos()
                  && (f.serverPage(503) || f.serverPage(404) || f.status() == Failure.NO_ANSWER);
      boolean refusalsExpected = servers.get(2).refusesRequestsWhileStopping();
      long outside =
          failures.stream()
              .filter(f -> !kill.covers(f.at()) && !database.covers(f.at()))
              .filter(f -> !(refusalsExpected && stopRefusal.test(f)))
              .count();
      long duringKill = failures.stream().filter(f -> kill.covers(f.at())).count();
      long duringDatabase = failures.stream().filter(f -> database.covers(f.at())).count();
      long duringTerm =
          failures.stream()
              .filter(f -> f.at() >= terminated && f.at() <= exited + STOP_MARGIN.toNanos())
              .count();
      long refusedWhileStopping = failures.stream().filter(stopRefusal).count();
      List<String> serverErrors =
          failures.stream().filter(f -> f.status() == 500).map(Failure::what).toList();
      long unavailable = failures.stream().filter(f -> f.status() == 503).count();
      String figures =
          String.format(
              "FaultLoadIT: %d writers through HAProxy over 3 instances of %s on PostgreSQL:"
                  + " %d writes acknowledged (%d creates, %d updates); found at their last"
                  + " acknowledged version after the kill %s, after the database restart %s,"
                  + " after the SIGTERM %s; at the end %d of"
                  + " the items written found at their last acknowledged version, %d not,"
                  + " %d duplicated; errors during the %s: %d (recovered %.1f s after"
                  + " the kill, the restarted instance back in %.1f s), during the %s: %d"
                  + " (first write %.1f s after the restart began); SIGTERM of instance 3:"
                  + " exited after %.1f s with %d, %d errors meanwhile (%d refusals of the"
                  + " stopping server itself, 503/404 or no answer); outside any fault: %d;"
                  + " 503 answers: %d, 500 answers: %d",
              WRITERS,
              cluster.serverName(),
              created.size() + updates.get(),
              created.size(),
              updates.get(),
              afterKill,
              afterDatabase,
              afterTerm,
              verdict.found,
              verdict.acknowledged - verdict.found,
              verdict.duplicates,
              kill.name,
              duringKill,
              (firstSuccessAfter(kill.began) - kill.began) / 1e9,
              (kill.over - kill.began) / 1e9,
              database.name,
              duringDatabase,
              (database.over - database.began) / 1e9,
              (exited - terminated) / 1e9,
              exit,
              duringTerm,
              refusedWhileStopping,
              outside,
              unavailable,
              serverErrors.size());
      System.out.println(figures);
      failures.stream().limit(20).forEach(f -> System.out.println("  error: " + f.what()));
      assertTrue(verdict.acknowledged > 100, figures);
      for (Presence presence : List.of(afterKill, afterDatabase, afterTerm)) {
        assertEquals(List.of(), presence.problems(), figures);
      }
      assertEquals(List.of(), verdict.problems, figures);
      assertEquals(verdict.acknowledged, verdict.found, figures);
      assertEquals(0, verdict.duplicates, figures);
      assertEquals(0, outside, figures);
      assertEquals(List.of(), serverErrors, figures);
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
  }

  /**
   * One writer: an incident, then round after round an action, a link to it and an update of the
   * link with its ETag. A create without an answer is sent again, same id and body, until it is
   * answered; an update without an answer is not acknowledged, and the link is read again.
   */
  private void write(ApiClient writer, int w) {
    String incident =
        createUntilAnswered(
            writer,
            "incident",
            "office_incident_id",
            TestData.incident(PROJECT, OFFICE, "L" + w, "Load incident " + w));
    for (int round = 0; writing.get(); round++) {
      String action =
          createUntilAnswered(
              writer,
              "action",
              "action_id",
              TestData.action(PROJECT, OFFICE, "TRAINING", "L" + w + "-" + round, "Load " + round));
      String link =
          createUntilAnswered(
              writer,
              "incident-action",
              "office_incident_action_id",
              TestData.link(PROJECT, OFFICE, incident, action)
                  .add("description", "load " + w + "-" + round));
      linkIncident.put(link, incident);
      Reply view = attempt(() -> writer.view("incident-action", link), "view");
      if (view == null || view.status() != 200) {
        continue;
      }
      String etag = view.header("ETag").orElseThrow();
      JsonObject change = Json.createObjectBuilder().add("description", "revised " + round).build();
      Reply updated =
          attempt(() -> writer.update("incident-action", link, change, etag), "update " + link);
      if (updated != null && updated.status() == 200) {
        versions.merge(
            "incident-action " + link,
            KillDurabilityIT.version(updated.header("ETag").orElseThrow()),
            Math::max);
        updates.incrementAndGet();
      }
    }
  }

  private String createUntilAnswered(
      ApiClient writer, String resource, String idField, jakarta.json.JsonObjectBuilder body) {
    String id = UUID.randomUUID().toString();
    JsonObject sent = body.add(idField, id).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      Reply reply = attempt(() -> writer.create(resource, sent), "create " + resource + " " + id);
      if (reply != null && (reply.status() == 201 || reply.status() == 200)) {
        created.put(resource + " " + id, sent);
        versions.merge(
            resource + " " + id,
            KillDurabilityIT.version(reply.header("ETag").orElseThrow()),
            Math::max);
        return id;
      }
      sleep(200);
    }
    throw new IllegalStateException("create " + resource + " " + id + " never answered");
  }

  /** One request; null and a counted error when it got no answer or any answer but 200 or 201. */
  private Reply attempt(java.util.function.Supplier<Reply> request, String what) {
    try {
      Reply reply = request.get();
      if (reply.status() != 200 && reply.status() != 201) {
        failures.add(new Failure(System.nanoTime(), what, reply.status(), reply.body()));
        return null;
      }
      successes.add(System.nanoTime());
      return reply;
    } catch (UncheckedIOException e) {
      failures.add(Failure.of(what, e.getCause()));
      return null;
    }
  }

  private long firstSuccessAfter(long at) {
    synchronized (successes) {
      return successes.stream().filter(t -> t > at).min(Long::compare).orElse(Long.MAX_VALUE);
    }
  }

  /** Waits until a writer is answered after {@code at}; returns when. */
  private long awaitWriteAfter(long at) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      long first = firstSuccessAfter(at);
      if (first != Long.MAX_VALUE) {
        return first;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no write answered within 2 minutes of the PostgreSQL restart");
  }

  private static void restartPostgres() throws IOException, InterruptedException {
    String command = System.getProperty("faults.pg.restart", RESTART_COMMAND);
    Process restart = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    String output = new String(restart.getInputStream().readAllBytes());
    assertTrue(restart.waitFor(2, TimeUnit.MINUTES), "PostgreSQL restart hangs: " + output);
    assertEquals(0, restart.exitValue(), command + ": " + output);
  }

  record Verdict(int acknowledged, int found, int duplicates, List<String> problems) {}

  /** How many of the writes acknowledged until a moment were found, read right after a fault. */
  record Presence(int acknowledged, int found, List<String> problems) {
    @Override
    public String toString() {
      return found + "/" + acknowledged;
    }
  }

  /** Every acknowledged write present with at least its version; links counted per incident. */
  private Verdict verify(ApiClient reader) {
    Presence presence = present(reader, versions);
    List<String> problems = new ArrayList<>(presence.problems());
    int duplicates = 0;
    Set<String> incidents = Set.copyOf(linkIncident.values());
    for (String incident : incidents) {
      long acked = linkIncident.values().stream().filter(incident::equals).count();
      Reply index =
          reader.index(
              "incident-action",
              Json.createObjectBuilder()
                  .add("filter", Json.createObjectBuilder().add("office_incident_id", incident))
                  .add("per-page", 1)
                  .build());
      long total = Long.parseLong(index.header("X-Pagination-Total-Count").orElse("-1"));
      if (total > acked) {
        duplicates += (int) (total - acked);
      } else if (total < acked) {
        problems.add("incident " + incident + " has " + total + " links, acknowledged " + acked);
      }
    }
    return new Verdict(presence.acknowledged(), presence.found(), duplicates, problems);
  }

  /**
   * Views every write of {@code acknowledged} (item and version): it must answer with at least that
   * version. Writers may go on meanwhile; a later version only raises what is stored.
   */
  private static Presence present(ApiClient reader, Map<String, Long> acknowledged) {
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger found = new AtomicInteger();
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
        reads.add(
            readers.submit(
                () -> {
                  String[] key = write.getKey().split(" ");
                  Reply view = viewSteadily(reader, key[0], key[1]);
                  long stored =
                      view.status() == 200
                          ? KillDurabilityIT.version(view.header("ETag").orElseThrow())
                          : -1;
                  if (stored >= write.getValue()) {
                    found.incrementAndGet();
                  } else {
                    problems.add(
                        write.getKey()
                            + " answers "
                            + view.status()
                            + " version "
                            + stored
                            + ", acknowledged "
                            + write.getValue());
                  }
                }));
      }
      for (Future<?> read : reads) {
        read.get(5, TimeUnit.MINUTES);
      }
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("reading the acknowledged writes failed", e);
    } finally {
      readers.shutdownNow();
    }
    return new Presence(acknowledged.size(), found.get(), List.copyOf(problems));
  }

  /**
   * A view through the balancer, asked again for a while when it gets no answer or one other than
   * 200 or 404: the balancer may still send a request to an instance that has just gone away.
   */
  private static Reply viewSteadily(ApiClient reader, String resource, String id) {
    UncheckedIOException lastError = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        Reply view = reader.view(resource, id);
        if (view.status() == 200 || view.status() == 404 || attempt == 9) {
          return view;
        }
      } catch (UncheckedIOException e) {
        lastError = e;
      }
      sleep(1_000);
    }
    throw lastError;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
