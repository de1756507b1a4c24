package org.hse.api.tokens;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * This server's own HTTP address, {@code http://<host>:<port>}, for the requests the application
 * sends itself: WildFly's token probe ({@link ServedKeysProbe}) and the warm-up before ready.
 *
 * <p>On WildFly it is what {@code standalone.xml} gives its {@code http} socket binding: {@code
 * jboss.http.port} (8080) plus {@code jboss.socket.binding.port-offset}, on {@code
 * jboss.bind.address}. On Payara it is what the packaged boot commands give the listener: {@code
 * HTTP_PORT} (8080) on {@code HTTP_HOST} (loopback); a {@code --port} option after the jar, which
 * wins over {@code HTTP_PORT}, is not seen here. Either way loopback stands in for the wildcard.
 */
public final class OwnServer {

  private OwnServer() {}

  /** The address on WildFly, where {@code jboss.home.dir} is set; empty on Payara. */
  static Optional<String> onWildFly() {
    if (System.getProperty("jboss.home.dir") == null) {
      return Optional.empty();
    }
    int port =
        Integer.getInteger("jboss.http.port", 8080)
            + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    return Optional.of(url(System.getProperty("jboss.bind.address"), port));
  }

  /** The address on WildFly, else Payara's from {@code HTTP_HOST} and {@code HTTP_PORT}. */
  public static String address(Config config) {
    return onWildFly()
        .orElseGet(
            () ->
                url(
                    config.getOptionalValue("HTTP_HOST", String.class).orElse(null),
                    config
                        .getOptionalValue("HTTP_PORT", String.class)
                        .map(Integer::parseInt)
                        .orElse(8080)));
  }

  private static String url(String bind, int port) {
    return "http://" + host(bind) + ":" + port;
  }

  /** The address to connect to for a listener bound to {@code bind}. */
  static String host(String bind) {
    if (bind == null
        || bind.isBlank()
        || bind.equals("0.0.0.0")
        || bind.equals("::")
        || bind.equals("[::]")) {
      return "127.0.0.1";
    }
    String address = bind.strip();
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }
}
