package org.hse.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.hse.api.ApiClient;
import org.hse.api.ApiClient.Reply;
import org.hse.api.Deployments;
import org.hse.api.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark: {@code mvn -P bench verify}. Starts the packaged WAR on Payara Micro with H2,
 * loads one incident with 1000 linked actions through the API, then measures bounded loops of
 * requests over loopback and writes the latencies to {@code target/benchmark.md}. Not part of the
 * test suite; the numbers of a run are kept in {@code bench/RESULTS.md}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BenchmarkIT {

  static final int LINKS = 1000;
  static final int ROUNDS = 200;
  static final String OFFICE = "31111111-1111-4111-8111-111111111111";

  @ArquillianResource URL url;

  @Deployment(testable = false)
  static WebArchive app() {
    return Deployments.packagedWar();
  }

  @Test
  void measure() throws Exception {
    URI base = url.toURI();
    ApiClient admin =
        new ApiClient(base, ApiClient.login(base, "admin", TestData.password("admin")));
    ApiClient loader = fresh(base, "writer");
    admin.create("project", TestData.project(TestData.P1, "Bench").build());
    admin.create("office", TestData.office(OFFICE, TestData.P1, "Bench office"));
    String incident =
        loader
            .create(
                "incident", TestData.incident(TestData.P1, OFFICE, "B-1", "Bench incident").build())
            .json()
            .getString("office_incident_id");

    List<Long> actionCreates = new ArrayList<>();
    List<Long> linkCreates = new ArrayList<>();
    for (int i = 0; i < LINKS; i++) {
      String code = "ACT-" + i;
      String name = "Action " + i;
      Reply action =
          timed(
              actionCreates,
              () ->
                  loader.create(
                      "action",
                      TestData.action(TestData.P1, OFFICE, "TRAINING", code, name).build()));
      String actionId = action.json().getString("action_id");
      timed(
          linkCreates,
          () ->
              loader.create(
                  "incident-action",
                  TestData.link(TestData.P1, OFFICE, incident, actionId).build()));
    }

    ApiClient writer = fresh(base, "writer");
    StringBuilder report = new StringBuilder();
    report.append(
        "| request | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    row(report, "create action", actionCreates);
    row(report, "create incident-action", linkCreates);
    for (int perPage : new int[] {20, 100, 1000}) {
      JsonObject search =
          Json.createObjectBuilder()
              .add("filter", Json.createObjectBuilder().add("office_incident_id", incident))
              .add("per-page", perPage)
              .add("page", 1)
              .add("sort", "action_name")
              .build();
      ApiClient searcher = fresh(base, "writer");
      row(
          report,
          "index per-page " + perPage,
          repeat(
              perPage == LINKS ? ROUNDS / 4 : ROUNDS,
              () -> searcher.index("incident-action", search)));
    }
    String link =
        writer
            .indexQuery("incident-action", "per-page=1")
            .array()
            .getJsonObject(0)
            .getString("office_incident_action_id");
    ApiClient viewer = fresh(base, "writer");
    row(report, "view", repeat(ROUNDS * 2, () -> viewer.view("incident-action", link)));
    ApiClient clients = fresh(base, "writer");
    row(
        report,
        "index per-page 20, 4 clients",
        concurrently(
            4,
            ROUNDS,
            () -> clients.indexQuery("incident-action", "per-page=20&sort=-action_name")));

    String text =
        "Benchmark of "
            + java.time.LocalDate.now()
            + ", Java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, H2 in memory, loopback HTTP\n\n"
            + report;
    Files.writeString(Path.of("target", "benchmark.md"), text);
    System.out.println(text);
  }

  /** A writer with a new token: a phase must not outlive the 5-minute token lifetime. */
  private static ApiClient fresh(URI base, String user) {
    return new ApiClient(base, ApiClient.login(base, user, TestData.password(user)));
  }

  private static List<Long> repeat(int times, Supplier<Reply> request) {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      timed(nanos, request);
    }
    return nanos;
  }

  private static List<Long> concurrently(int clients, int perClient, Supplier<Reply> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        results.add(pool.submit(() -> repeat(perClient, request)));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        all.addAll(result.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Reply timed(List<Long> nanos, Supplier<Reply> request) {
    long start = System.nanoTime();
    Reply reply = request.get();
    nanos.add(System.nanoTime() - start);
    assertEquals(2, reply.status() / 100, reply.body());
    return reply;
  }

  private static void row(StringBuilder report, String name, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    report.append(
        String.format(
            "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
            name,
            sorted.size(),
            ms(sorted, 0.50),
            ms(sorted, 0.95),
            ms(sorted, 0.99),
            sorted.get(sorted.size() - 1) / 1e6));
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1))
        / 1e6;
  }
}
