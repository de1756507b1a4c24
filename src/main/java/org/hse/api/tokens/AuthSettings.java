package org.hse.api.tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The configuration of the built-in token endpoint, read from MicroProfile Config (so each property
 * can also be given as an environment variable, e.g. {@code AUTH_USERS_FILE}).
 *
 * @param realm {@code auth.realm}, default {@code hse}
 * @param clientId {@code auth.client-id}, default {@code api}
 * @param issuer {@code mp.jwt.verify.issuer}, the {@code iss} of the tokens
 * @param accessLifetime {@code auth.token.lifetime} in seconds, default 300
 * @param refreshLifetime {@code auth.refresh.lifetime} in seconds, default 1800
 * @param endpointEnabled {@code auth.token-endpoint.enabled} (default true) and no external issuer
 * @param externalIssuer whether the operator configured an external issuer's key ({@code
 *     mp.jwt.verify.publickey}, or {@code mp.jwt.verify.publickey.location} from a source other
 *     than {@link TokenKeyConfigSource})
 * @param dataDir {@code data.dir} (or {@code DATA_DIR}), default {@code ./data}
 * @param usersFile {@code auth.users.file} (or {@code AUTH_USERS_FILE})
 * @param demoUsers {@code demo.enabled} (default false): without a users file, the bundled demo
 *     users with published passwords are active only when the demo is on
 * @param trustedProxies {@code auth.trusted-proxies} (or {@code AUTH_TRUSTED_PROXIES}): the proxies
 *     whose {@code X-Forwarded-For} names the client ({@link TrustedProxies}), or null for none
 */
public record AuthSettings(
    String realm,
    String clientId,
    String issuer,
    Duration accessLifetime,
    Duration refreshLifetime,
    boolean endpointEnabled,
    boolean externalIssuer,
    Path dataDir,
    Optional<Path> usersFile,
    boolean demoUsers,
    String trustedProxies) {

  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String ACCESS_LIFETIME = "auth.token.lifetime";
  static final String REFRESH_LIFETIME = "auth.refresh.lifetime";

  /** Reads the settings from the application's configuration. */
  public static AuthSettings current() {
    return from(ConfigProvider.getConfig());
  }

  /** Reads the settings from the given configuration. */
  public static AuthSettings from(Config config) {
    boolean external = externalIssuer(config);
    return new AuthSettings(
        string(config, "auth.realm").orElse("hse"),
        string(config, "auth.client-id").orElse("api"),
        string(config, ISSUER).orElse(null),
        Duration.ofSeconds(positive(config, ACCESS_LIFETIME, 300)),
        Duration.ofSeconds(positive(config, REFRESH_LIFETIME, 1800)),
        !external
            && config.getOptionalValue("auth.token-endpoint.enabled", Boolean.class).orElse(true),
        external,
        dataDir(config),
        string(config, "auth.users.file").or(() -> string(config, "AUTH_USERS_FILE")).map(Path::of),
        config.getOptionalValue("demo.enabled", Boolean.class).orElse(false),
        string(config, TrustedProxies.PROPERTY).orElse(null));
  }

  /** The data directory: {@code data.dir}, else {@code DATA_DIR}, else {@code ./data}. */
  static Path dataDir(Config config) {
    return Path.of(string(config, "data.dir").or(() -> string(config, "DATA_DIR")).orElse("data"))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * Whether tokens come from an external issuer: the operator set {@code mp.jwt.verify.publickey},
   * or set {@code mp.jwt.verify.publickey.location} in a source other than ours.
   */
  static boolean externalIssuer(Config config) {
    if (string(config, PUBLIC_KEY).isPresent()) {
      return true;
    }
    ConfigValue location = config.getConfigValue(PUBLIC_KEY_LOCATION);
    return location.getValue() != null
        && !location.getValue().isBlank()
        && !TokenKeyConfigSource.NAME.equals(location.getSourceName());
  }

  static Optional<String> string(Config config, String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  static long positive(Config config, String name, long defaultValue) {
    long value = config.getOptionalValue(name, Long.class).orElse(defaultValue);
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be a positive number of seconds");
    }
    return value;
  }
}
