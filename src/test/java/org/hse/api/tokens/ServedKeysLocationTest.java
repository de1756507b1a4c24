package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hse.api.MapConfig;
import org.junit.jupiter.api.Test;

/**
 * Where WildFly's verifier finds the built-in endpoint's keys: its own JWK set on the HTTP port of
 * {@code standalone.xml}'s socket binding, and nothing on Payara or with the endpoint off.
 */
class ServedKeysLocationTest {

  @Test
  void theOwnJwksOnWildFlyOnly() {
    Map<String, String> properties =
        Map.of(
            "jboss.home.dir", "/opt/wildfly",
            "jboss.socket.binding.port-offset", "100",
            "jboss.bind.address", "0.0.0.0");
    assertEquals(Optional.empty(), ServedKeysLocation.onWildFly(MapConfig.of(Map.of())));
    withSystemProperties(
        properties,
        () -> {
          assertEquals(
              Optional.of("http://127.0.0.1:8180/realms/hse/protocol/openid-connect/certs"),
              ServedKeysLocation.onWildFly(MapConfig.of(Map.of())));
          assertEquals(
              Optional.of("http://127.0.0.1:8180/realms/ops/protocol/openid-connect/certs"),
              ServedKeysLocation.onWildFly(MapConfig.of(Map.of("auth.realm", "ops"))));
          assertEquals(
              Optional.empty(),
              ServedKeysLocation.onWildFly(
                  MapConfig.of(Map.of(ServedKeysLocation.ENDPOINT_ENABLED, "false"))));
        });
  }

  static void withSystemProperties(Map<String, String> properties, Runnable check) {
    Map<String, String> before = new HashMap<>();
    properties.keySet().forEach(name -> before.put(name, System.getProperty(name)));
    properties.forEach(System::setProperty);
    try {
      check.run();
    } finally {
      before.forEach(
          (name, value) -> {
            if (value == null) {
              System.clearProperty(name);
            } else {
              System.setProperty(name, value);
            }
          });
    }
  }
}
