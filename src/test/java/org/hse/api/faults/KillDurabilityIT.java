package org.hse.api.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hse.api.ApiClient;
import org.hse.api.ApiClient.Reply;
import org.hse.api.FreshDatabase;
import org.hse.api.ServiceProcess;
import org.hse.api.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8: a write is durable when it is answered. The packaged WAR runs as a child process ({@link
 * ServiceProcess}: the runnable jar on Payara Micro, or WildFly with {@code -P wildfly,faults})
 * with the embedded default (H2 in a fresh data directory), or on PostgreSQL under {@code -P
 * postgres}. Several clients make a few hundred writes through the API (creates of incidents,
 * actions and links, and updates with {@code If-Match}); the moment the last of them is answered
 * the JVM is killed with {@code SIGKILL}, as {@code kill -9} does. The server is then started again
 * on the same data directory and database, and every acknowledged write must be there: each item
 * answers {@code view} with the ETag (version) and the field values of its last acknowledged write,
 * and the index counts exactly the acknowledged creates.
 *
 * <p>On WildFly the embedded default is {@code configure.cli}'s H2 URL, which can carry no {@code
 * ;WRITE_DELAY=0} (its pool splits the URL at {@code ;}): the application sets {@code WRITE_DELAY}
 * 0 when it starts ({@code H2WriteDelay}), and that holds while the pool keeps the database open.
 *
 * <p>Run by {@code mvn verify -P faults} (H2) and {@code -P faults,postgres} (H2, then PostgreSQL,
 * in one run), on WildFly by {@code -P wildfly,faults,postgres}; prints the figures: writes
 * acknowledged, found after the kill, missing. {@code -Dfaults.h2.url=jdbc:h2:{data}/db} runs it on
 * an H2 URL of an operator's own instead of the default ({@code {data}} stands for the test's data
 * directory; on WildFly without {@code ;}). The first of the fault tests ({@code @Order}): its
 * servers start before {@link SharedCluster}'s, which runs until the end.
 */
@Order(1)
class KillDurabilityIT {

  static final int WRITERS = 4;
  static final int ROUNDS = 30;
  static final String OFFICE = "51111111-1111-4111-8111-111111111111";
  static final String H2 = "H2";
  static final String POSTGRES = "PostgreSQL";

  /** An H2 URL of an operator's own instead of the default; {@code {data}}: the data directory. */
  static final String URL_PROPERTY = "faults.h2.url";

  /** The id field of each resource, as the contract names it. */
  static final Map<String, String> ID_FIELD =
      Map.of(
          "project", "project_id",
          "office", "office_id",
          "incident", "office_incident_id",
          "action", "action_id",
          "incident-action", "office_incident_action_id");

  /** One acknowledged write: what was sent, and the version and timestamp the answer carried. */
  record Ack(
      String resource,
      String id,
      String operation,
      JsonObject sent,
      String etag,
      String updatedAt,
      long answeredAt) {

    long version() {
      return KillDurabilityIT.version(etag);
    }
  }

  /**
   * On the embedded H2 default always, and on PostgreSQL when the build names one ({@code -P
   * postgres}): one run of {@code -P faults,postgres} covers both databases.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {H2, POSTGRES})
  void everyAcknowledgedWriteIsFoundAfterKill9(String on) throws Exception {
    boolean postgres = on.equals(POSTGRES);
    Assumptions.assumeTrue(
        !postgres || FreshDatabase.onPostgres(), "PostgreSQL: -P faults,postgres");
    String database = postgres ? "PostgreSQL" : "H2 (embedded default)";
    Path workDir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "faults")).toAbsolutePath(), "kill-");
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", workDir.resolve("data").toString());
    env.put("DEMO_ENABLED", "false");
    env.put(
        "AUTH_USERS_FILE",
        Path.of(KillDurabilityIT.class.getResource("/test-users.json").toURI()).toString());
    if (postgres) {
      for (String name : List.of("DB_CLASS", "DB_URL", "DB_USER", "DB_PASSWORD")) {
        env.put(name, System.getenv(name));
      }
      FreshDatabase.recreate();
    } else if (!System.getProperty(URL_PROPERTY, "").isBlank()) {
      database = "H2 at " + System.getProperty(URL_PROPERTY);
      env.put(
          "DB_URL",
          System.getProperty(URL_PROPERTY).replace("{data}", workDir.resolve("data").toString()));
    }
    long started = System.nanoTime();
    try (ServiceProcess server = ServiceProcess.of("server", workDir, env).quickStop()) {
      URI base = server.start();
      long writing = System.nanoTime();
      List<Ack> acks = new ArrayList<>();
      acks.addAll(setUp(base));
      AtomicLong killed = new AtomicLong();
      acks.addAll(
          writeConcurrently(
              base,
              () -> {
                killed.set(System.nanoTime());
                server.kill();
              }));
      long lastAnswer = acks.stream().mapToLong(Ack::answeredAt).max().orElseThrow();

      server.start();
      Result result = verify(base, acks);
      String figures =
          String.format(
              "KillDurabilityIT on %s, %s: %d writes acknowledged (%s) by %d clients in %.1f s;"
                  + " SIGKILL sent %.1f ms after the last answer; after the restart %d found,"
                  + " %d missing%s; %.0f s in all (work dir %s)",
              server.serverName(),
              database,
              acks.size(),
              result.byOperation,
              WRITERS,
              (lastAnswer - writing) / 1e9,
              (killed.get() - lastAnswer) / 1e6,
              result.found,
              acks.size() - result.found,
              result.problems.isEmpty() ? "" : ", " + result.problems.size() + " problems",
              (System.nanoTime() - started) / 1e9,
              workDir);
      System.out.println(figures);
      result.problems.forEach(problem -> System.out.println("  " + problem));
      assertTrue(acks.size() >= 200, figures);
      assertEquals(List.of(), result.problems, figures);
      assertEquals(acks.size(), result.found, figures);
    } finally {
      if (postgres) {
        FreshDatabase.drop();
      }
    }
  }

  /** The admin's project and office, which the writers' items belong to. */
  private static List<Ack> setUp(URI base) {
    ApiClient admin = client(base, "admin");
    return List.of(
        create(admin, "project", TestData.project(TestData.P1, "Kill test").build()),
        create(admin, "office", TestData.office(OFFICE, TestData.P1, "Kill test office")));
  }

  /**
   * Each writer creates an incident, then actions and links to them, and updates every other action
   * and link with the ETag it was answered (as a careful client does). The writer that is answered
   * last runs {@code afterLastAnswer} at once, in its own thread.
   */
  private static List<Ack> writeConcurrently(URI base, Runnable afterLastAnswer) throws Exception {
    ApiClient writer = client(base, "writer");
    AtomicInteger writing = new AtomicInteger(WRITERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<List<Ack>>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int number = w;
        writers.add(
            pool.submit(
                () -> {
                  List<Ack> acks = writes(writer, number);
                  if (writing.decrementAndGet() == 0) {
                    afterLastAnswer.run();
                  }
                  return acks;
                }));
      }
      List<Ack> acks = new ArrayList<>();
      for (Future<List<Ack>> result : writers) {
        acks.addAll(result.get());
      }
      return acks;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Ack> writes(ApiClient writer, int w) {
    List<Ack> acks = new ArrayList<>();
    Ack incident =
        create(
            writer,
            "incident",
            TestData.incident(TestData.P1, OFFICE, "K" + w, "Kill test incident " + w).build());
    acks.add(incident);
    for (int i = 0; i < ROUNDS; i++) {
      Ack action =
          create(
              writer,
              "action",
              TestData.action(
                      TestData.P1,
                      OFFICE,
                      i % 2 == 0 ? "TRAINING" : "MAINTENANCE",
                      "K" + w + "-" + i,
                      "Kill test action " + w + "-" + i)
                  .build());
      Ack link =
          create(
              writer,
              "incident-action",
              TestData.link(TestData.P1, OFFICE, incident.id(), action.id())
                  .add("description", "linked " + w + "-" + i)
                  .build());
      acks.add(action);
      acks.add(link);
      if (i % 2 == 1) {
        acks.add(
            update(
                writer,
                action,
                Json.createObjectBuilder().add("name", "Revised action " + w + "-" + i).build()));
        acks.add(
            update(
                writer,
                link,
                Json.createObjectBuilder().add("description", "revised " + w + "-" + i).build()));
      }
    }
    return acks;
  }

  private static Ack create(ApiClient client, String resource, JsonObject body) {
    Reply reply = client.create(resource, body);
    long answeredAt = System.nanoTime();
    assertEquals(201, reply.status(), resource + ": " + reply.body());
    return ack(
        resource,
        reply.json().getString(ID_FIELD.get(resource)),
        "create",
        body,
        reply,
        answeredAt);
  }

  private static Ack update(ApiClient client, Ack last, JsonObject body) {
    Reply reply = client.update(last.resource(), last.id(), body, last.etag());
    long answeredAt = System.nanoTime();
    assertEquals(200, reply.status(), last.resource() + " " + last.id() + ": " + reply.body());
    return ack(last.resource(), last.id(), "update", body, reply, answeredAt);
  }

  private static Ack ack(
      String resource, String id, String operation, JsonObject sent, Reply reply, long answeredAt) {
    return new Ack(
        resource,
        id,
        operation,
        sent,
        reply.header("ETag").orElseThrow(),
        reply.json().getString("updated_at"),
        answeredAt);
  }

  record Result(int found, List<String> problems, Map<String, Integer> byOperation) {}

  /**
   * After the restart: a write is found when its item answers with at least the write's version;
   * each item must answer its last acknowledged version, timestamp and the values sent; the index
   * must count every created item and no other.
   */
  private static Result verify(URI base, List<Ack> acks) {
    ApiClient reader = client(base, "admin");
    Map<String, Ack> latest = new LinkedHashMap<>();
    Map<String, Map<String, JsonValue>> expected = new HashMap<>();
    Map<String, Integer> byOperation = new LinkedHashMap<>();
    for (Ack ack : acks) {
      latest.put(ack.id(), ack);
      expected.computeIfAbsent(ack.id(), id -> new HashMap<>()).putAll(ack.sent());
      byOperation.merge(ack.resource() + " " + ack.operation(), 1, Integer::sum);
    }
    Map<String, Reply> views = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Ack last : latest.values()) {
      Reply view = reader.view(last.resource(), last.id());
      views.put(last.id(), view);
      if (view.status() != 200) {
        problems.add(last.resource() + " " + last.id() + " answers " + view.status());
        continue;
      }
      String etag = view.header("ETag").orElse("none");
      JsonObject item = view.json();
      if (!etag.equals(last.etag()) || !last.updatedAt().equals(item.getString("updated_at"))) {
        problems.add(
            String.format(
                "%s %s answers version %s of %s, acknowledged %s of %s",
                last.resource(),
                last.id(),
                etag,
                item.getString("updated_at"),
                last.etag(),
                last.updatedAt()));
      }
      expected
          .get(last.id())
          .forEach(
              (field, value) -> {
                if (!value.equals(item.get(field))) {
                  problems.add(
                      String.format(
                          "%s %s: %s is %s, acknowledged %s",
                          last.resource(), last.id(), field, item.get(field), value));
                }
              });
    }
    int found = 0;
    for (Ack ack : acks) {
      Reply view = views.get(ack.id());
      if (view.status() == 200 && version(view.header("ETag").orElse("\"-1\"")) >= ack.version()) {
        found++;
      }
    }
    for (String resource : List.of("incident", "action", "incident-action")) {
      long created =
          acks.stream()
              .filter(a -> a.resource().equals(resource) && a.operation().equals("create"))
              .count();
      Reply index =
          reader.index(
              resource,
              Json.createObjectBuilder()
                  .add("filter", Json.createObjectBuilder().add("subtenant_id", OFFICE))
                  .add("per-page", 1)
                  .build());
      String total = index.header("X-Pagination-Total-Count").orElse("none");
      if (index.status() != 200 || !total.equals(Long.toString(created))) {
        problems.add(
            String.format(
                "index of %s counts %s (status %d), acknowledged creates %d",
                resource, total, index.status(), created));
      }
    }
    return new Result(found, problems, byOperation);
  }

  /** The version an ETag such as {@code "3"} carries. */
  static long version(String etag) {
    return Long.parseLong(etag.replaceFirst("^W/", "").replace("\"", ""));
  }

  private static ApiClient client(URI base, String user) {
    return new ApiClient(base, ApiClient.login(base, user, TestData.password(user)));
  }
}
