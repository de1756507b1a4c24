package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the shared WildFly ({@code -P wildfly}) listens on, as {@link ListeningSocketsIT} reads it
 * for Payara: the HTTP port, on the public interface ({@code jboss.bind.address}, loopback unless
 * the operator names another), and WildFly's management interface on its own interface, loopback by
 * default ({@code jboss.bind.address.management}); no HTTPS listener, which {@code configure.cli}
 * removes. Skipped on Payara, whose own test is {@link ListeningSocketsIT}.
 */
@ExtendWith(SharedServer.class)
class WildFlySocketsIT {

  /** WildFly's HTTP and management ports of {@code standard-sockets}, before the offset. */
  private static final int HTTP = 8080;

  private static final int MANAGEMENT = 9990;

  @Test
  void wildFlyListensOnTheHttpPortAndItsManagementInterfaceOnLoopbackAlone() throws Exception {
    assumeTrue(SharedServer.onWildFly(), "WildFly's sockets; Payara's: ListeningSocketsIT");
    URI base = SharedServer.base();
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("openapi", "v2/project/index")) {
      http.send(
          HttpRequest.newBuilder(base.resolve(path)).build(),
          HttpResponse.BodyHandlers.discarding());
    }
    int offset = base.getPort() - HTTP;
    assertEquals(
        Set.of("tcp 127.0.0.1:" + base.getPort(), "tcp 127.0.0.1:" + (MANAGEMENT + offset)),
        Set.copyOf(ListeningSocketsIT.listening(SharedServer.pid())),
        "listening sockets");
  }
}
