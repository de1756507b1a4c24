package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code WARMUP_SECONDS}: a server started as the README starts it in production reports {@code
 * /health/ready} DOWN while it warms itself up, then UP; its log says what the warm-up sent, and
 * every answer was a read or a refused create ({@code 200}, {@code 422}): nothing was written. On a
 * server of its own, so that it is cold.
 */
class WarmUpIT {

  private static final int SECONDS = 15;
  private static final Pattern DONE =
      Pattern.compile("Warm-up done: (\\d+) requests in (\\d+) s, by status \\{([^}]*)\\}");

  @Test
  void readyOnlyOnceTheWarmUpHasReadThroughTheApiWritingNothing() throws Exception {
    StartedServer<AutoCloseable> server =
        SharedServer.launch(
            "warmup",
            Map.of("WARMUP_SECONDS", Integer.toString(SECONDS), "DEMO_ENABLED", "true"),
            "/");
    try {
      String during = RawHttp.exchange(server.base(), "GET", "health/ready", null, null, null);
      assertEquals("HTTP/1.1 503 Service Unavailable", RawHttp.statusLine(during), during);
      ApiClient.Reply checks = new ApiClient(server.base(), null).get("health/ready");
      Map<String, String> byName =
          Json.createReader(new StringReader(checks.body()))
              .readObject()
              .getJsonArray("checks")
              .getValuesAs(JsonObject.class)
              .stream()
              .collect(
                  Collectors.toMap(check -> check.getString("name"), c -> c.getString("status")));
      assertEquals("DOWN", byName.get("accepting"), checks.body());
      assertEquals("UP", byName.get("database"), checks.body());

      ChildProcess.awaitOk(server.base().resolve("/health/ready"), Duration.ofSeconds(90));

      String log = Files.readString(server.log());
      assertTrue(log.contains("Warm-up: "), "no line of the warm-up's start in " + server.log());
      Matcher done = DONE.matcher(log);
      assertTrue(done.find(), "no line of the warm-up's end in " + server.log());
      System.out.println("WarmUpIT: " + done.group());
      assertTrue(Long.parseLong(done.group(1)) > 0, done.group());
      assertTrue(Integer.parseInt(done.group(2)) >= SECONDS, done.group());
      Set<String> statuses =
          Arrays.stream(done.group(3).split(", "))
              .map(entry -> entry.substring(0, entry.indexOf('=')))
              .collect(Collectors.toSet());
      assertEquals(Set.of("200", "422"), statuses, done.group());
    } finally {
      server.close();
    }
  }
}
