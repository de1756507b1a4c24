package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a server started the README's way listens on: the HTTP port on the loopback address alone
 * (the default of {@code HTTP_HOST}), no Hazelcast data-grid port (5900/6900), no multicast
 * discovery socket, no admin port. The sockets are read from {@code /proc}: the socket inodes among
 * the process's file descriptors, looked up in {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6}}, after a
 * few requests, so that anything opened lazily is open. Linux only. The same server shows what an
 * operator's {@code /metrics} holds. The server is the {@link ReadmeServer}, which the docs page
 * test shares: on the embedded H2, or with {@code -P postgres} on a throwaway PostgreSQL database.
 */
@ExtendWith(ReadmeServer.class)
class ListeningSocketsIT {

  static URI base;

  @BeforeAll
  static void touchWhatOpensLazily() throws Exception {
    base = ReadmeServer.base();
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("health", "openapi", "v2/project/index", "metrics")) {
      http.send(
          HttpRequest.newBuilder(base.resolve(path)).build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  @Test
  void theReadmesStartListensOnTheHttpPortAloneOnLoopback() {
    assertEquals(
        List.of("tcp 127.0.0.1:" + base.getPort()),
        listening(ReadmeServer.server().pid()),
        "listening sockets");
  }

  /**
   * {@code HTTP_THREADS} caps the request threads: a burst of four times as many concurrent
   * requests is answered, by no more threads of Payara's HTTP pool than the setting allows, as an
   * operator reads them in a thread dump.
   */
  @Test
  void httpThreadsCapsTheRequestThreads() throws Exception {
    int burst = 4 * ReadmeServer.HTTP_THREADS;
    for (String answer :
        RawHttp.atOnce(
            burst,
            Duration.ofSeconds(60),
            () -> RawHttp.exchange(base, "GET", "openapi", null, null, null))) {
      assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(answer));
    }
    Process dump =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ReadmeServer.server().pid()),
                "Thread.print")
            .redirectErrorStream(true)
            .start();
    String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    dump.waitFor();
    long pool = threads.lines().filter(line -> line.startsWith("\"http-thread-pool::")).count();
    assertTrue(
        pool > 0, "no thread of the HTTP pool in the dump: " + threads.lines().limit(5).toList());
    assertTrue(
        pool <= ReadmeServer.HTTP_THREADS,
        pool + " threads of the HTTP pool, HTTP_THREADS=" + ReadmeServer.HTTP_THREADS);
  }

  /**
   * {@code /metrics} as deployed at the root context: an admin's only (Payara adds its servlet to
   * the root context's application), with the API's counters, the refused tokens by class and the
   * service's own pool under its data source's name and database; Payara's unused built-in H2 pool
   * is gone, so no pool metrics carry a name not the service's.
   */
  @Test
  void theMetricsAnswerAnAdminWithTheApisCountersAndTheServicesPool() {
    ApiClient anonymous = new ApiClient(base, null);
    for (String path : List.of("metrics", "metrics/base", "metrics/vendor", "metrics?scope=base")) {
      Reply refused = anonymous.get(path);
      assertEquals(401, refused.status(), path + ": " + refused.body());
      assertEquals("Bearer", refused.header("WWW-Authenticate").orElse(null), path);
      assertFalse(refused.body().contains("memory"), path);
    }
    assertEquals(200, anonymous.get("health").status(), "health stays open for orchestrators");
    ApiClient rita = anonymous.as(ApiClient.login(base, "rita", "demo-rita-pass"));
    Reply forbidden = rita.get("metrics");
    assertEquals(403, forbidden.status(), forbidden.body());
    assertFalse(forbidden.body().contains("memory"), forbidden.body());
    Reply refusedLogin = anonymous.passwordGrant("admin", "not-the-password", Map.of());
    assertEquals(401, refusedLogin.status(), refusedLogin.body());
    String expired =
        Tokens.signedByService(
            ReadmeServer.dataDir(),
            "admin",
            List.of("admin"),
            List.of(),
            Tokens.ISSUER,
            Instant.now().minusSeconds(3600));
    String forged = Tokens.signedByStranger("admin", List.of("admin"), List.of());
    for (String token : List.of(expired, forged)) {
      Reply refused = anonymous.as(token).index("project", JsonValue.EMPTY_JSON_OBJECT);
      assertEquals(401, refused.status(), refused.body());
    }
    assertEquals(200, rita.index("project", JsonValue.EMPTY_JSON_OBJECT).status());
    String link = "c0ffee00-0000-4000-8000-000000000001";
    Reply history = rita.get("v2/incident-action/history/" + link);
    assertEquals(200, history.status(), history.body());
    assertEquals(1, history.array().size(), "the demo link's creation: " + history.body());
    var created = history.array().getJsonObject(0);
    assertEquals("create", created.getString("operation"), history.body());
    assertEquals("demo-data", created.getString("by"), history.body());
    assertEquals(rita.get("v2/incident-action/view/" + link).json(), created.getJsonObject("item"));
    Reply changes = rita.get("v2/project/changes");
    assertEquals(200, changes.status(), changes.body());
    assertEquals(
        List.of("create"),
        changes.json().getJsonArray("changes").stream()
            .map(change -> change.asJsonObject().getString("operation"))
            .toList(),
        "the demo project's creation begins its feed: " + changes.body());
    ApiClient admin = anonymous.as(ApiClient.login(base, "admin", "demo-admin-pass"));
    Reply metrics = admin.get("metrics");
    assertEquals(200, metrics.status(), metrics.body());
    assertEquals(
        200, anonymous.get("metrics?access-token=" + ApiClient.enc(admin.token())).status());
    String body = metrics.body();
    String[] projectSearches = {
      "resource=\"project\"", "verb=\"index\"", "method=\"POST\"", "status=\"200\""
    };
    double searches = PrometheusText.value(body, "api_requests_total{", projectSearches);
    assertTrue(searches >= 1, body);
    PrometheusText.assertPositive(
        body, "api_index_duration_seconds_count{", "resource=\"project\"");
    PrometheusText.searchDurationsAreInSeconds(body, "project");
    PrometheusText.assertPositive(body, "api_logins_refused_total{", "status=\"401\"");
    PrometheusText.assertPositive(body, "api_tokens_refused_total{", "reason=\"expired\"");
    PrometheusText.assertPositive(body, "api_tokens_refused_total{", "reason=\"signature\"");
    assertFalse(body.contains(expired) || body.contains(forged), "no token in the metrics");
    assertTrue(body.contains("memory_usedHeap_bytes"), body);
    // never Payara's H2Pool
    String[] pool = PrometheusText.assertServicesPool(body);
    assertEquals(0, PrometheusText.value(body, "pool_connections_waiting{", pool), body);
    assertFalse(body.contains("H2Pool"), body);
    assertEquals(1, body.lines().filter(line -> line.startsWith("pool_connections_max{")).count());

    // the counter moves with the next request
    assertEquals(200, rita.index("project", JsonValue.EMPTY_JSON_OBJECT).status());
    double after =
        PrometheusText.value(admin.get("metrics").body(), "api_requests_total{", projectSearches);
    assertEquals(searches + 1, after, "api_requests_total after one more search");
  }

  /** The process's (and its children's) listening TCP and bound, unconnected UDP sockets. */
  static List<String> listening(long pid) {
    Set<String> inodes = new HashSet<>();
    List<Long> pids = new ArrayList<>();
    pids.add(pid);
    ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
    for (long each : pids) {
      try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(each), "fd"))) {
        fds.forEach(
            fd -> {
              try {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.startsWith("socket:[")) {
                  inodes.add(target.substring(8, target.length() - 1));
                }
              } catch (IOException gone) {
                // closed meanwhile
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertFalse(inodes.isEmpty(), "no sockets found for process " + pid);
    List<String> found = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
      // TCP LISTEN is 0A; a UDP socket that is bound and not connected shows 07
      String listeningState = table.startsWith("tcp") ? "0A" : "07";
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        if (fields[3].equals(listeningState) && inodes.contains(fields[9])) {
          found.add(table.substring(0, 3) + " " + address(fields[1]));
        }
      }
    }
    return found;
  }

  /** {@code 0100007F:1F90} (or its 32-digit IPv6 form) as {@code 127.0.0.1:8080}. */
  static String address(String hexAddressAndPort) {
    String[] parts = hexAddressAndPort.split(":");
    String hex = parts[0];
    byte[] bytes = new byte[hex.length() / 2];
    // the kernel prints each 32-bit word of the address in host (little-endian) order
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int from = (word * 4 + 3 - b) * 2;
        bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(from, from + 2), 16);
      }
    }
    try {
      String host = InetAddress.getByAddress(bytes).getHostAddress();
      return host + ":" + new BigInteger(parts[1], 16).intValue();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
