package org.hse.api.tokens;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * On WildFly, where the verifier finds the keys of the built-in token endpoint: the endpoint's own
 * JWK set ({@code GET /realms/<realm>/protocol/openid-connect/certs}) on the server's HTTP port,
 * rather than the file that Payara reads ({@link TokenKeyConfigSource}).
 *
 * <p>Why: SmallRye JWT, WildFly's MicroProfile JWT, reads a file or classpath location once, when
 * it first verifies a token ({@code KeyLocationResolver}), and keeps those keys for the life of the
 * deployment, so a generation added later ({@link SharedKeys}) was refused until a restart. For an
 * {@code http(s)} location it keeps a JWK set that it fetches again (jose4j's {@code HttpsJwks}):
 * when the cache expires, after the answer's {@code Cache-Control: max-age} ({@link
 * TokenEndpoint#KEYS_MAX_AGE}, 30 s, Payara's {@code publicKey.cache.ttl}), and at once for a token
 * whose {@code kid} it does not know (at most every {@code
 * smallrye.jwt.jwks.forced-refresh-interval}, 1 minute in {@code microprofile-config.properties}).
 * That is SmallRye's documented way to follow a key rotation: its configuration names the location
 * ({@code mp.jwt.verify.publickey.location}) and the intervals, and nothing else; an application's
 * own {@code JWTAuthContextInfo} or key resolver is no documented extension (its {@code
 * JWTCallerPrincipalFactory} is, but replacing it means verifying tokens in the application's own
 * code, against SmallRye classes that Payara does not have). Every instance asks its own endpoint,
 * which serves the key ring it reads from the database every {@value SharedKeys#REFRESH_SECONDS} s:
 * a generation reaches the verifier within 40 s of being added, before it signs ({@code
 * auth.key.publish-delay}, 120 s by default).
 *
 * <p>The address is the one WildFly's {@code standalone.xml} gives its {@code http} socket binding:
 * {@code jboss.http.port} (8080) plus {@code jboss.socket.binding.port-offset}, on {@code
 * jboss.bind.address} (loopback when that is unset or the wildcard), and the WAR at {@code /} (the
 * overlay's {@code jboss-web.xml}). It is plain HTTP on the machine itself: the keys are public,
 * and no proxy or TLS is in the way. The fetch runs on the request thread that meets an expired
 * cache (one at a time; the others keep verifying with the keys they have), and is answered by
 * another worker thread from memory, without the database.
 *
 * <p>Not on Payara (no {@code jboss.home.dir}), and not when the endpoint is switched off ({@code
 * auth.token-endpoint.enabled=false}): it would answer 404, and the file is what the verifier
 * reads.
 */
final class ServedKeysLocation {

  static final String ENDPOINT_ENABLED = "auth.token-endpoint.enabled";

  private ServedKeysLocation() {}

  /** The {@code http} URL of this server's own JWK set, on WildFly with the endpoint on. */
  static Optional<String> onWildFly(Config config) {
    String realm = AuthSettings.string(config, "auth.realm").orElse("hse");
    return ownServer(config)
        .map(server -> server + "/realms/" + realm + "/protocol/openid-connect/certs");
  }

  /**
   * This server's HTTP address ({@link OwnServer}), with the WAR at its root, on WildFly with the
   * endpoint on.
   */
  static Optional<String> ownServer(Config config) {
    if (!config.getOptionalValue(ENDPOINT_ENABLED, Boolean.class).orElse(true)) {
      return Optional.empty();
    }
    return OwnServer.onWildFly();
  }
}
