package org.hse.api.security;

import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives MicroProfile JWT the public key of the built-in token endpoint: provides {@code
 * mp.jwt.verify.publickey} as a JWK set, read (or generated) lazily from the data directory.
 *
 * <p>Provides nothing when the operator configured {@code mp.jwt.verify.publickey.location} (an
 * external issuer such as Keycloak). Its ordinal (50) is below {@code
 * microprofile-config.properties} (100), environment (300) and system properties (400), so an
 * operator's own {@code mp.jwt.verify.publickey} always wins. Registered through {@code
 * META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 */
public class TokenKeyConfigSource implements ConfigSource {

  /** The name of this source, as reported by {@code ConfigValue.getSourceName()}. */
  public static final String NAME = "hse-token-endpoint-key";

  private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

  @Override
  public Set<String> getPropertyNames() {
    // the value exists only on demand: listing it would make Config.getPropertyNames() generate
    // the key even when an external issuer is configured
    return Set.of();
  }

  @Override
  public String getValue(String propertyName) {
    if (!AuthSettings.PUBLIC_KEY.equals(propertyName) || RESOLVING.get() != null) {
      return null;
    }
    RESOLVING.set(Boolean.TRUE);
    try {
      Config config = ConfigProvider.getConfig();
      if (AuthSettings.string(config, AuthSettings.PUBLIC_KEY_LOCATION).isPresent()) {
        return null;
      }
      return SigningKeys.in(AuthSettings.dataDir(config)).publicJwks().toString();
    } finally {
      RESOLVING.remove();
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
