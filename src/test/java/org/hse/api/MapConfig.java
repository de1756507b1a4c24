package org.hse.api;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * A MicroProfile {@link Config} of the given values alone, for unit tests of code that reads its
 * settings with {@code getOptionalValue} (as {@code String}, {@code Long} or {@code Boolean}); any
 * other method throws.
 */
public final class MapConfig {

  private MapConfig() {}

  /** A configuration that holds these values and no others. */
  public static Config of(Map<String, String> values) {
    return (Config)
        Proxy.newProxyInstance(
            Config.class.getClassLoader(),
            new Class<?>[] {Config.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getOptionalValue")) {
                throw new UnsupportedOperationException(method.getName());
              }
              Optional<String> value = Optional.ofNullable(values.get((String) args[0]));
              if (args[1] == Long.class) {
                return value.map(Long::valueOf);
              }
              return args[1] == Boolean.class ? value.map(Boolean::valueOf) : value;
            });
  }
}
