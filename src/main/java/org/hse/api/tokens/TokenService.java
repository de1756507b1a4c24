package org.hse.api.tokens;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hse.api.persistence.DataSourceName;

/**
 * The built-in token endpoint's state: its settings, users, keys ({@link SharedKeys}) and login
 * throttle (counted in the database). Prepared at start-up, so the demo-user warning is logged
 * before the first request.
 */
@ApplicationScoped
public class TokenService {

  private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

  private AuthSettings settings;
  private UserDirectory users;
  private LoginThrottle throttle;
  private TrustedProxies proxies;
  private final AtomicBoolean untrustedForwardSeen = new AtomicBoolean();

  @Resource(lookup = DataSourceName.JNDI)
  DataSource dataSource;

  @Inject SharedKeys sharedKeys;

  @PostConstruct
  void init() {
    throttle =
        new LoginThrottle(Clock.systemUTC(), new LoginFailureTable(dataSource, Clock.systemUTC()));
    settings = AuthSettings.current();
    proxies = TrustedProxies.parse(settings.trustedProxies());
    users =
        settings.usersFile().isPresent() || settings.demoUsers()
            ? new UserDirectory(settings.usersFile())
            : UserDirectory.none();
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (settings.externalIssuer()) {
      LOG.info(
          "Built-in token endpoint is off: an external issuer is configured"
              + " (mp.jwt.verify.publickey.location or mp.jwt.verify.publickey)");
      return;
    }
    if (!settings.endpointEnabled()) {
      LOG.info("Built-in token endpoint is off (auth.token-endpoint.enabled=false)");
      return;
    }
    if (settings.issuer() == null) {
      LOG.severe(
          "Built-in token endpoint: mp.jwt.verify.issuer is not set, no token can be issued");
    }
    LOG.info(
        () ->
            "Built-in token endpoint: realms/"
                + settings.realm()
                + "/protocol/openid-connect/token, issuer "
                + settings.issuer()
                + ", keys shared through the database (org.hse.api.tokens.SharedKeys), "
                + users.size()
                + " users from "
                + users.source());
    if (!users.isDemo() && settings.usersFile().isEmpty()) {
      LOG.warning(
          "Built-in token endpoint knows no user: set auth.users.file (environment"
              + " AUTH_USERS_FILE) to a users file, or demo.enabled=true for the demo users");
    }
    if (users.isDemo()) {
      LOG.warning(
          banner(
              "DEMO USERS ARE ACTIVE: admin, alice and rita, whose passwords are",
              "published in the README. Anyone can get a token with them.",
              "Set auth.users.file (environment AUTH_USERS_FILE) to a users file."));
    }
    if (!sharedKeys.encryptsAtRest()) {
      LOG.warning(
          banner(
              "TOKEN SIGNING KEYS ARE STORED IN CLEAR in the table signing_key:",
              "a dump or backup of the database lets anyone sign tokens.",
              "Set auth.key.encryption-key (environment AUTH_KEY_ENCRYPTION_KEY)",
              "or auth.key.encryption-key.file to a base64 256-bit key, e.g. of",
              "java -cp <classes> org.hse.api.tokens.KeyEncryptionKey"));
    }
  }

  /** A warning that no one reading the log misses: its lines in a box of asterisks. */
  static String banner(String... lines) {
    int width = 0;
    for (String line : lines) {
      width = Math.max(width, line.length());
    }
    String edge = "*".repeat(width + 4);
    StringBuilder banner = new StringBuilder("\n").append(edge).append('\n');
    for (String line : lines) {
      banner.append("* ").append(line).append(" ".repeat(width - line.length())).append(" *\n");
    }
    return banner.append(edge).toString();
  }

  /** Whether the endpoint answers for this realm. */
  public boolean serves(String realm) {
    return settings.endpointEnabled() && settings.realm().equals(realm);
  }

  public AuthSettings settings() {
    return settings;
  }

  public UserDirectory users() {
    return users;
  }

  /** The token keys as last read from the database; only when the endpoint is enabled. */
  public KeyRing keys() {
    return sharedKeys.ring();
  }

  /** The token minter of this moment: the signing generation signs, every valid one verifies. */
  public TokenIssuer issuer() {
    KeyRing keys = keys();
    SigningKeys signing = keys.signing().keys();
    return new TokenIssuer(
        signing.signingKey(),
        signing.refreshKey(),
        keys.refreshKeys(),
        settings.issuer(),
        settings.clientId(),
        settings.accessLifetime(),
        settings.refreshLifetime(),
        Clock.systemUTC());
  }

  /**
   * The client address of a login from {@code peer} with these {@code X-Forwarded-For} values, as
   * {@link TrustedProxies} reads them. Warns once when the header comes from a peer that is not
   * trusted: behind a proxy missing from {@code auth.trusted-proxies}, every login has the proxy's
   * address, and a few wrong passwords from anyone lock every user out.
   */
  public String client(String peer, List<String> forwardedFor) {
    if (!forwardedFor.isEmpty()
        && !proxies.trustsPeer(peer)
        && untrustedForwardSeen.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              "A login carries X-Forwarded-For from "
                  + peer
                  + ", which auth.trusted-proxies (AUTH_TRUSTED_PROXIES) does not name: the header"
                  + " is ignored. If that is this server's proxy, every client behind it counts as"
                  + " one address for the login throttle; name the proxy there");
    }
    return proxies.clientOf(peer, forwardedFor);
  }

  /**
   * The user when the password matches and neither the name from this client address nor the
   * address is locked by too many failures ({@link LoginThrottle}). Known and unknown names take
   * the same path, so neither the answer nor its time tells them apart.
   */
  public Optional<UserAccount> authenticate(String username, char[] password, String client) {
    if (!throttle.allows(username, client)) {
      return Optional.empty();
    }
    Optional<UserAccount> user = users.authenticate(username, password);
    if (user.isPresent()) {
      throttle.succeeded(username, client);
    } else {
      throttle.failed(username, client);
    }
    return user;
  }

  /** The user of a valid refresh token, read again from the users file. */
  public Optional<UserAccount> refresh(String refreshToken) {
    return issuer().refreshTokenUser(refreshToken).flatMap(users::find);
  }
}
