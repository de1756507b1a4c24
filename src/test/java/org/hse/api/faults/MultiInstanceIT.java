package org.hse.api.faults;

import static org.hse.api.faults.TokenRequests.login;
import static org.hse.api.faults.TokenRequests.password;
import static org.hse.api.faults.TokenRequests.refresh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hse.api.ApiClient;
import org.hse.api.ApiClient.Reply;
import org.hse.api.TestData;
import org.hse.api.faults.TokenRequests.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8: three stateless instances of the packaged WAR over one PostgreSQL database, behind
 * HAProxy ({@link HaProxy}), configured as the README's "Running several instances" says: the same
 * issuer URL (the balancer's), the same database, nothing else shared ({@link SharedCluster}).
 * Checks what a client sees:
 *
 * <ul>
 *   <li>{@code /health/ready} reports the database UP, {@code /health/live} the JVM;
 *   <li>a token that any instance issued is accepted by every instance, and so is its refresh
 *       token;
 *   <li>wrong passwords are counted across instances: five from one address spread over three
 *       instances lock the name for that address on all of them, and not for another address;
 *   <li>identical creates sent to the three instances at the same moment: one 201, two 200, never
 *       409, and one row;
 *   <li>creates of one incident–action pair with three different ids at the same moment: one 201,
 *       two 422 on {@code entity_id}, never 500, and one row.
 * </ul>
 *
 * The first of the cluster's tests ({@code @Order}): it needs all three instances, which {@link
 * FaultLoadIT} kills and stops. The key rotation across instances is {@link KeyRotationIT}'s. Needs
 * PostgreSQL: run by {@code mvn verify -P faults,postgres}; skipped on H2. Prints its figures.
 */
@Order(2)
@ExtendWith(SharedCluster.class)
class MultiInstanceIT {

  static final int ROUNDS = 30;
  static final String OFFICE = "52222222-2222-4222-8222-222222222222";

  @Test
  void instancesOverOneDatabaseBehaveAsOneService() throws Exception {
    Instant started = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(SharedCluster.INSTANCES);
    try {
      Cluster cluster = SharedCluster.get();
      List<URI> instances = cluster.instances;
      URI lb = cluster.balancerUrl();
      health(instances);
      tokensAcceptedEverywhere(instances);
      throttleCountsAcrossInstances(instances);
      ApiClient admin = new ApiClient(lb, login(lb, "admin").access());
      assertEquals(
          201, admin.create("project", TestData.project(TestData.P1, "Multi").build()).status());
      assertEquals(
          201,
          admin.create("office", TestData.office(OFFICE, TestData.P1, "Multi office")).status());
      Map<String, Integer> identical = identicalCreates(instances, pool);
      Map<String, Integer> pairs = samePairCreates(instances, pool);
      System.out.printf(
          "MultiInstanceIT: %d instances of %s behind HAProxy on one PostgreSQL; identical creates"
              + " x%d: %s; same pair, different ids x%d: %s; %.0f s in all%n",
          instances.size(),
          cluster.serverName(),
          ROUNDS,
          identical,
          ROUNDS,
          pairs,
          Duration.between(started, Instant.now()).toMillis() / 1e3);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void health(List<URI> instances) {
    for (URI instance : instances) {
      Reply ready = new ApiClient(instance, null).get("health/ready");
      assertEquals(200, ready.status(), ready.toString());
      assertTrue(ready.body().contains("\"database\""), ready.body());
      assertTrue(ready.body().contains("\"UP\""), ready.body());
      Reply live = new ApiClient(instance, null).get("health/live");
      assertEquals(200, live.status(), live.toString());
      assertTrue(live.body().contains("\"jvm\""), live.body());
    }
  }

  /** A token from each instance works on every instance; so does its refresh token. */
  private static void tokensAcceptedEverywhere(List<URI> instances) {
    for (URI issuing : instances) {
      Tokens tokens = login(issuing, "reader");
      for (URI serving : instances) {
        Reply index = new ApiClient(serving, tokens.access()).indexQuery("incident", "");
        assertEquals(200, index.status(), issuing + " -> " + serving + ": " + index);
        Reply refreshed = refresh(serving, tokens.refresh());
        assertEquals(200, refreshed.status(), issuing + " -> " + serving + ": " + refreshed);
      }
    }
  }

  /**
   * Five wrong passwords from one address spread over the instances lock the name for that address
   * on every instance; the same name from another address, and another name, still log in. The test
   * connects from 127.0.0.1, the cluster's trusted proxy, so it names the client in {@code
   * X-Forwarded-For}.
   */
  private static void throttleCountsAcrossInstances(List<URI> instances) {
    String user = "reader";
    Map<String, String> attacker = Map.of("X-Forwarded-For", "203.0.113.7");
    for (int i = 0; i < 5; i++) {
      Reply wrong = password(instances.get(i % instances.size()), user, "wrong-" + i, attacker);
      assertEquals(401, wrong.status(), wrong.toString());
    }
    for (URI instance : instances) {
      Reply right = password(instance, user, TestData.password(user), attacker);
      assertEquals(401, right.status(), "locked on " + instance + ": " + right);
      assertTrue(right.body().contains("invalid_grant"), right.body());
      Reply elsewhere =
          password(
              instance, user, TestData.password(user), Map.of("X-Forwarded-For", "198.51.100.9"));
      assertEquals(200, elsewhere.status(), "another address on " + instance + ": " + elsewhere);
    }
    Reply other = password(instances.get(0), "writer", TestData.password("writer"), attacker);
    assertEquals(200, other.status(), other.toString());
  }

  /** Of identical creates at the same moment on the three instances: one 201, the others 200. */
  private static Map<String, Integer> identicalCreates(List<URI> instances, ExecutorService pool)
      throws Exception {
    List<ApiClient> writers = writers(instances);
    String incident = incident(writers.get(0), "M");
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String id = UUID.randomUUID().toString();
      JsonObject body =
          TestData.link(TestData.P1, OFFICE, incident, action(writers.get(0), "I" + round))
              .add("office_incident_action_id", id)
              .build();
      List<Reply> replies = together(pool, writers, w -> w.create("incident-action", body));
      List<Integer> statuses = statuses(replies);
      outcomes.merge(statuses.toString(), 1, Integer::sum);
      assertEquals(List.of(200, 200, 201), statuses, "round " + round + ": " + replies);
      for (Reply reply : replies) {
        assertEquals(id, reply.json().getString("office_incident_action_id"));
      }
      assertEquals(1, linksOf(writers.get(0), body.getString("entity_id")));
    }
    return outcomes;
  }

  /** Of creates of one pair with different ids at the same moment: one 201, the others 422. */
  private static Map<String, Integer> samePairCreates(List<URI> instances, ExecutorService pool)
      throws Exception {
    List<ApiClient> writers = writers(instances);
    String incident = incident(writers.get(0), "P");
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String action = action(writers.get(0), "P" + round);
      List<Reply> replies =
          together(
              pool,
              writers,
              w ->
                  w.create(
                      "incident-action",
                      TestData.link(TestData.P1, OFFICE, incident, action)
                          .add("office_incident_action_id", UUID.randomUUID().toString())
                          .build()));
      List<Integer> statuses = statuses(replies);
      outcomes.merge(statuses.toString(), 1, Integer::sum);
      assertEquals(List.of(201, 422, 422), statuses, "round " + round + ": " + replies);
      for (Reply reply : replies) {
        if (reply.status() == 422) {
          assertEquals(
              "entity_id", reply.array().getJsonObject(0).getString("field"), reply.body());
        }
      }
      assertEquals(1, linksOf(writers.get(0), action));
    }
    return outcomes;
  }

  private static String incident(ApiClient writer, String code) {
    return created(
        writer,
        "incident",
        "office_incident_id",
        TestData.incident(TestData.P1, OFFICE, code, "Multi " + code).build());
  }

  private static String action(ApiClient writer, String code) {
    return created(
        writer,
        "action",
        "action_id",
        TestData.action(TestData.P1, OFFICE, "TRAINING", code, "Multi action " + code).build());
  }

  /** The id of an item this writer creates, which must answer 201. */
  private static String created(
      ApiClient writer, String resource, String idField, JsonObject body) {
    Reply created = writer.create(resource, body);
    assertEquals(201, created.status(), created.toString());
    return created.json().getString(idField);
  }

  private static long linksOf(ApiClient client, String action) {
    Reply index =
        client.index(
            "incident-action",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("entity_id", action))
                .build());
    assertEquals(200, index.status(), index.toString());
    return index.array().size();
  }

  private static List<ApiClient> writers(List<URI> instances) {
    return instances.stream()
        .map(instance -> new ApiClient(instance, login(instance, "writer").access()))
        .toList();
  }

  /** One request per client, released at the same moment; their replies in the clients' order. */
  private static List<Reply> together(
      ExecutorService pool,
      List<ApiClient> clients,
      java.util.function.Function<ApiClient, Reply> request)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(clients.size());
    List<Future<Reply>> sent = new ArrayList<>();
    for (ApiClient client : clients) {
      sent.add(
          pool.submit(
              () -> {
                start.await();
                return request.apply(client);
              }));
    }
    List<Reply> replies = new ArrayList<>();
    for (Future<Reply> reply : sent) {
      replies.add(reply.get());
    }
    return replies;
  }

  private static List<Integer> statuses(List<Reply> replies) {
    return replies.stream().map(Reply::status).sorted().toList();
  }
}
