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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hse.api.ApiClient.Reply;
import org.hse.api.faults.PayaraMicro;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a server started the README's way listens on: the HTTP port on the loopback address alone
 * (the default of {@code HTTP_HOST}), no Hazelcast data-grid port (5900/6900), no multicast
 * discovery socket, no admin port. The sockets are read from {@code /proc}: the socket inodes among
 * the process's file descriptors, looked up in {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6}}, after a
 * few requests, so that anything opened lazily is open. Linux only. The same server shows what an
 * operator's {@code /metrics} holds.
 */
class ListeningSocketsIT {

  static PayaraMicro server;
  static URI base;

  @BeforeAll
  static void start() throws Exception {
    Path work = Path.of("target", "sockets").toAbsolutePath();
    server =
        new PayaraMicro(
            "sockets",
            work,
            Map.of("DATA_DIR", work.resolve("data").toString(), "DEMO_ENABLED", "true"));
    base = server.start();
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("health", "openapi", "v2/project/index", "metrics")) {
      http.send(
          HttpRequest.newBuilder(base.resolve(path)).build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theReadmesStartListensOnTheHttpPortAloneOnLoopback() {
    assertEquals(
        List.of("tcp 127.0.0.1:" + base.getPort()), listening(server.pid()), "listening sockets");
  }

  /**
   * {@code /metrics} as deployed at the root context: an admin's only (Payara adds its servlet to
   * the root context's application); Payara's unused built-in H2 pool is gone, so no pool metrics
   * carry a name not the service's.
   */
  @Test
  void theMetricsAnswerAnAdminAndNameNoPoolTheServiceDoesNotUse() {
    ApiClient anonymous = new ApiClient(base, null);
    for (String path : List.of("metrics", "metrics/base", "metrics/vendor", "metrics?scope=base")) {
      Reply refused = anonymous.get(path);
      assertEquals(401, refused.status(), path + ": " + refused.body());
      assertFalse(refused.body().contains("memory"), path);
    }
    assertEquals(200, anonymous.get("health").status(), "health stays open for orchestrators");
    ApiClient rita = anonymous.as(ApiClient.login(base, "rita", "demo-rita-pass"));
    assertEquals(403, rita.get("metrics").status());
    Reply refusedLogin =
        anonymous.send(
            "POST",
            "realms/hse/protocol/openid-connect/token",
            ApiClient.form(
                Map.of(
                    "grant_type", "password",
                    "client_id", "api",
                    "username", "admin",
                    "password", "not-the-password")),
            "application/x-www-form-urlencoded",
            Map.of());
    assertEquals(401, refusedLogin.status(), refusedLogin.body());
    assertEquals(200, rita.index("project", JsonValue.EMPTY_JSON_OBJECT).status());
    ApiClient admin = anonymous.as(ApiClient.login(base, "admin", "demo-admin-pass"));
    Reply metrics = admin.get("metrics");
    assertEquals(200, metrics.status(), metrics.body());
    assertEquals(
        200, anonymous.get("metrics?access-token=" + ApiClient.enc(admin.token())).status());
    String body = metrics.body();
    assertMetric(
        body,
        "api_requests_total{",
        "resource=\"project\"",
        "verb=\"index\"",
        "method=\"POST\"",
        "status=\"200\"");
    assertMetric(body, "api_index_duration_seconds_count{", "resource=\"project\"");
    assertMetric(body, "api_logins_refused_total{", "status=\"401\"");
    assertTrue(body.contains("memory_usedHeap_bytes"), body);
    assertFalse(body.contains("H2Pool"), body);
  }

  /** A sample line of the metric with these labels, whose value is above zero. */
  private static void assertMetric(String body, String metric, String... labels) {
    boolean found =
        body.lines()
            .filter(line -> line.startsWith(metric))
            .filter(line -> Stream.of(labels).allMatch(line::contains))
            .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0);
    assertTrue(found, metric + " with " + List.of(labels) + " in:\n" + body);
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
