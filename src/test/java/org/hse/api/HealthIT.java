package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What anyone, a load balancer or a stranger, reads on {@code /health}, {@code /health/ready} and
 * {@code /health/live}: the overall status and each check's name and status, nothing about the
 * deployment (no heap, threads, uptime, database product or failure message). Payara 6 and 7 write
 * an empty {@code "data": {}} into every check whatever the check says ({@code
 * HealthCheckService.constructResponse}); an empty one is accepted, any content is not.
 *
 * <p>On the {@link SharedServer}: on Payara, {@code /health} is the server's own, at the server's
 * root (the WAR is at {@code /incident-actions}), and holds the application's checks alone; on
 * WildFly it is the management interface's, which the HTTP listener passes {@code /health} on to
 * ({@code configure.cli}), beside the server's own checks, so only the application's are checked
 * there.
 */
@ExtendWith(SharedServer.class)
class HealthIT {

  static final Map<String, Set<String>> CHECKS =
      Map.of(
          "health", Set.of("accepting", "database", "jvm"),
          "health/ready", Set.of("accepting", "database"),
          "health/live", Set.of("jvm"));

  static URI health;

  @BeforeAll
  static void theHealthEndpoint() {
    URI base = SharedServer.base();
    health = URI.create("http://" + base.getHost() + ":" + base.getPort() + "/");
  }

  @Test
  void everyCheckSaysItsNameAndStatusOnly() {
    ApiClient anonymous = new ApiClient(health, null);
    for (Map.Entry<String, Set<String>> endpoint : new TreeMap<>(CHECKS).entrySet()) {
      String path = endpoint.getKey();
      Reply reply = anonymous.get(path);
      assertEquals(200, reply.status(), path + ": " + reply.body());
      JsonObject body = reply.json();
      assertEquals(Set.of("status", "checks"), body.keySet(), path + ": " + reply.body());
      assertEquals("UP", body.getString("status"), path + ": " + reply.body());
      Map<String, String> ours = new TreeMap<>();
      for (JsonValue each : body.getJsonArray("checks")) {
        JsonObject check = each.asJsonObject();
        String name = check.getString("name");
        if (SharedServer.onWildFly() && !endpoint.getValue().contains(name)) {
          continue; // WildFly's own checks (server state, deployments)
        }
        Set<String> keys = check.keySet();
        assertTrue(
            keys.equals(Set.of("name", "status")) || keys.equals(Set.of("name", "status", "data")),
            path + ": " + check);
        if (keys.contains("data")) {
          assertEquals(JsonValue.EMPTY_JSON_OBJECT, check.get("data"), path + ": " + check);
        }
        assertEquals(
            null, ours.put(name, check.getString("status")), path + ": " + name + " twice");
      }
      Map<String, String> allUp = new TreeMap<>();
      endpoint.getValue().forEach(name -> allUp.put(name, "UP"));
      assertEquals(allUp, ours, path + ": " + reply.body());
      for (String detail : List.of("heap", "thread", "uptime", "product", "H2", "PostgreSQL")) {
        assertFalse(reply.body().contains(detail), path + " tells " + detail + ": " + reply.body());
      }
    }
  }
}
