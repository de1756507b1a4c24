package org.hse.api.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * On WildFly, whether the verifier holds the built-in endpoint's keys yet, for readiness: the
 * instance is not ready until one token has been verified through the whole stack.
 *
 * <p>Why: SmallRye JWT fetches the keys of an {@code http} location ({@link ServedKeysLocation})
 * when it first verifies a token, on the request thread, while every other request thread that
 * meets a token waits for it (its key resolver is made under one lock). The keys are this server's
 * own endpoint, answered by a worker thread of the same pool. When the first requests after a start
 * are as many as the workers (32 on 2 cores), every worker waits and none is left to answer the
 * fetch: a benchmark's 32 connections on a cold WildFly got no answer at all for over ten minutes.
 * So, once the application has started, the readiness check sends one request with a token of no
 * role to this server, which answers {@code 403 Forbidden} once the token is verified: the keys are
 * fetched while no client request can hold the workers, since a balancer sends none before the
 * instance is ready. After that SmallRye refreshes the keys under a lock that the other threads do
 * not wait for (jose4j's {@code HttpsJwks} keeps serving the keys it has).
 *
 * <p>Everywhere else it is true at once: on Payara (whose verifier reads the keys' file, {@link
 * TokenKeyConfigSource}), with the endpoint off, with an external issuer's keys, or without an
 * issuer (no token can be issued, and {@link TokenService} says so at start).
 */
@ApplicationScoped
public class ServedKeysProbe {

  private static final Logger LOG = Logger.getLogger(ServedKeysProbe.class.getName());

  /** What a verified token of no role is answered: it passed the verifier, then the role check. */
  static final int VERIFIED_WITHOUT_ROLE = 403;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject TokenService tokens;

  private final AtomicBoolean verified = new AtomicBoolean();
  private final ReentrantLock probing = new ReentrantLock();

  /**
   * Whether a token has been verified with the served keys, or none needs to be; else sends the
   * probe (one at a time: a concurrent caller is answered false) and answers whether it passed.
   */
  public boolean verifierHasKeys() {
    if (verified.get()) {
      return true;
    }
    Config config = ConfigProvider.getConfig();
    Optional<String> server = ServedKeysLocation.ownServer(config);
    AuthSettings settings = tokens.settings();
    if (server.isEmpty() || !settings.endpointEnabled() || settings.issuer() == null) {
      verified.set(true);
      return true;
    }
    if (!probing.tryLock()) {
      return false;
    }
    try {
      // a client per probe rather than one held: the probe runs once or a few times, on WildFly
      int status =
          SelfRequests.as(tokens, "readiness-probe", List.of(), URI.create(server.get()), TIMEOUT)
              .get("v2/project/index?per-page=1")
              .status();
      if (status == VERIFIED_WITHOUT_ROLE) {
        verified.set(true);
        LOG.info("Token verifier has the served keys: a token was verified through this server");
        return true;
      }
      LOG.fine(() -> "Token verifier probe answered " + status + ", not ready yet");
      return false;
    } finally {
      probing.unlock();
    }
  }
}
