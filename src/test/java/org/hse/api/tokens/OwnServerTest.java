package org.hse.api.tokens;

import static org.hse.api.tokens.ServedKeysLocationTest.withSystemProperties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.hse.api.MapConfig;
import org.junit.jupiter.api.Test;

/**
 * Where the application reaches itself: WildFly's socket binding, else the HTTP listener the
 * packaged boot commands give Payara, loopback for the wildcard.
 */
class OwnServerTest {

  @Test
  void theListenersAddressWithTheWildcardAsLoopback() {
    assertEquals("127.0.0.1", OwnServer.host(null));
    assertEquals("127.0.0.1", OwnServer.host("0.0.0.0"));
    assertEquals("127.0.0.1", OwnServer.host("::"));
    assertEquals("10.1.2.3", OwnServer.host("10.1.2.3"));
    assertEquals("[fd00::1]", OwnServer.host("fd00::1"));
  }

  @Test
  void payarasListenerFromHttpHostAndHttpPort() {
    assertEquals("http://127.0.0.1:8080", OwnServer.address(MapConfig.of(Map.of())));
    assertEquals(
        "http://10.1.2.3:9090",
        OwnServer.address(MapConfig.of(Map.of("HTTP_HOST", "10.1.2.3", "HTTP_PORT", "9090"))));
    assertEquals(
        "http://127.0.0.1:9090",
        OwnServer.address(MapConfig.of(Map.of("HTTP_HOST", "0.0.0.0", "HTTP_PORT", "9090"))));
  }

  @Test
  void wildFlysSocketBindingWhateverPayarasSettingsSay() {
    withSystemProperties(
        Map.of(
            "jboss.home.dir", "/opt/wildfly",
            "jboss.socket.binding.port-offset", "100",
            "jboss.bind.address", "0.0.0.0"),
        () ->
            assertEquals(
                "http://127.0.0.1:8180",
                OwnServer.address(MapConfig.of(Map.of("HTTP_PORT", "9090")))));
  }
}
