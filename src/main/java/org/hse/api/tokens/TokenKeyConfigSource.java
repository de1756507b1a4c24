package org.hse.api.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT where the public keys of the built-in token endpoint are: provides {@code
 * mp.jwt.verify.publickey.location} as the file {@code <data.dir>/keys/jwks.json}, a JWK set that
 * {@link SharedKeys} rewrites whenever the key generations change (until then it holds the public
 * key of the data directory's key, the first generation of a new database). Payara reads the file
 * again when its key cache expires ({@code publicKey.cache.ttl}), so rotated keys reach the
 * verifier without a restart. A location rather than the key itself: Payara caches configuration
 * values, and would keep a key read before the keys were loaded from the database.
 *
 * <p>Provides nothing when the operator configured {@code mp.jwt.verify.publickey.location} (an
 * external issuer such as Keycloak): its ordinal (50) is below {@code
 * microprofile-config.properties} (100), environment (300) and system properties (400), so an
 * operator's own location, or own {@code mp.jwt.verify.publickey}, always wins. Registered through
 * {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 *
 * <p>On WildFly the location is the endpoint's own JWK set over HTTP instead ({@link
 * ServedKeysLocation}): SmallRye JWT reads a file once, but fetches an {@code http} location again
 * when its cache expires and for an unknown key id. The file is written there too, and is what a
 * WildFly whose endpoint is switched off reads.
 */
public class TokenKeyConfigSource implements ConfigSource {

  /** The name of this source, as reported by {@code ConfigValue.getSourceName()}. */
  public static final String NAME = "hse-token-endpoint-key";

  static final String PUBLISHED = "keys/jwks.json";

  private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

  @Override
  public Set<String> getPropertyNames() {
    // the value exists only on demand: listing it would make Config.getPropertyNames() generate
    // the key even when an external issuer is configured
    return Set.of();
  }

  @Override
  public String getValue(String propertyName) {
    if (!AuthSettings.PUBLIC_KEY_LOCATION.equals(propertyName) || RESOLVING.get() != null) {
      return null;
    }
    RESOLVING.set(Boolean.TRUE);
    try {
      Config config = ConfigProvider.getConfig();
      Optional<String> served = ServedKeysLocation.onWildFly(config);
      if (served.isPresent()) {
        return served.get();
      }
      Path dataDir = AuthSettings.dataDir(config);
      Path file = publishedKeys(dataDir);
      if (!Files.exists(file)) {
        SharedKeys.write(file, SigningKeys.in(dataDir).publicJwks());
      }
      return file.toUri().toString();
    } finally {
      RESOLVING.remove();
    }
  }

  /** Where the public keys of the current ring are kept for the verifier: in the data directory. */
  static Path publishedKeys(Path dataDir) {
    return dataDir.resolve(PUBLISHED);
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
