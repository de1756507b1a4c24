package org.hse.api.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hse.api.persistence.DataSourceName;

/**
 * Keeps the token keys in the database ({@code signing_key}), so that every instance serving one
 * database signs and verifies with the same keys, with no setting of its own; and rotates them.
 *
 * <p>At start-up and every {@value #REFRESH_SECONDS} seconds each instance reads the generations as
 * a {@link KeyRing}, and writes their public keys where MicroProfile JWT reads them ({@link
 * TokenKeyConfigSource}). An empty table gets its first generation from the data directory ({@link
 * SigningKeys#in}), signing at once. When the signing generation has signed for {@code
 * auth.key.rotation} seconds (default one day), the first instance to notice adds the next
 * generation, which is published at once and signs {@code auth.key.publish-delay} seconds later
 * (default 120): longer than a verifier keeps the JWKS it read ({@code publicKey.cache.ttl}, 30 s,
 * on Payara; the {@code max-age} of the endpoint's own JWKS, 30 s, on WildFly: {@link
 * ServedKeysLocation}; and the {@value #REFRESH_SECONDS} s between reads), so no instance meets a
 * token of a key it does not know yet. Instances race to add a generation through its primary key:
 * the loser reads the winner's. A generation is deleted once no token it signed can still be valid.
 * The times are the instances' clocks, which are assumed to agree within seconds (NTP).
 *
 * <p>The periodic read is a task of the default {@link ManagedScheduledExecutorService}, not an EJB
 * timer: Payara Micro 7.2026 counts itself as EJB Lite and warns at every start about any bean with
 * a timer ("The feature use of persistent EJB Timer Service requires Full Java EE Profile"), a
 * non-persistent {@code @Schedule} too, which EJB Lite has. The task calls the bean's own instance,
 * not its EJB view, so {@code refresh} is synchronized.
 *
 * <p>The private keys in the table are encrypted under the operator's key-encryption key ({@link
 * KeyEncryption}, {@code auth.key.encryption-key}), or in clear without one. Every read re-encrypts
 * under the current key what it found in clear or under a previous key, with a conditional update
 * that leaves a row another instance changed meanwhile alone. Rows in clear are taken only when the
 * whole table is in clear (a service that ran without a key): one in clear beside encrypted ones
 * was written by someone without the key, and would otherwise sign tokens, so it is refused like a
 * row that no key of this instance decrypts, which stops the start with one line naming the
 * settings, rather than a new generation: new keys would invalidate every token issued. After the
 * start, the same failure keeps the keys read last (as an outage of the database does) and warns at
 * every read.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SharedKeys {

  static final int REFRESH_SECONDS = 10;
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private static final Logger LOG = Logger.getLogger(SharedKeys.class.getName());

  @Resource(lookup = DataSourceName.JNDI)
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Clock clock = Clock.systemUTC();
  private volatile KeyRing ring;
  private String published;
  private Path dataDir;
  private Duration rotation;
  private Duration publishDelay;
  private Duration retention;
  private ScheduledFuture<?> refreshing;
  private KeyEncryption encryption = KeyEncryption.none();

  @PostConstruct
  void start() {
    AuthSettings settings = AuthSettings.current();
    if (!settings.endpointEnabled()) {
      return;
    }
    Config config = ConfigProvider.getConfig();
    dataDir = settings.dataDir();
    rotation = Duration.ofSeconds(AuthSettings.positive(config, "auth.key.rotation", 86_400));
    publishDelay = Duration.ofSeconds(AuthSettings.positive(config, "auth.key.publish-delay", 120));
    Duration longest =
        settings.accessLifetime().compareTo(settings.refreshLifetime()) > 0
            ? settings.accessLifetime()
            : settings.refreshLifetime();
    retention = longest.plus(CLOCK_SKEW);
    try {
      encryption = KeyEncryption.from(name -> AuthSettings.string(config, name));
      encryption
          .currentId()
          .ifPresent(
              id ->
                  LOG.info(
                      () ->
                          "Token keys encrypted in the database under the key-encryption key "
                              + id
                              + " ("
                              + KeyEncryption.KEY
                              + "), "
                              + (encryption.decrypting() - 1)
                              + " previous key(s) decrypt"));
      refresh();
    } catch (KeyEncryption.Failure e) {
      // one line for the operator; the exception that stops the deployment carries no cause
      LOG.severe("Token keys: " + e.getMessage());
      throw new IllegalStateException("Token keys: " + e.getMessage());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the token keys: " + e.getMessage(), e);
    }
    refreshing =
        scheduler.scheduleWithFixedDelay(
            this::scheduled, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (refreshing != null) {
      refreshing.cancel(false);
    }
  }

  /** Whether the keys are stored encrypted: a key-encryption key is set. */
  public boolean encryptsAtRest() {
    return encryption.encrypts();
  }

  /** The key generations as last read; only when the token endpoint is enabled. */
  public KeyRing ring() {
    KeyRing current = ring;
    if (current == null) {
      throw new IllegalStateException("The token keys were not read");
    }
    return current;
  }

  /** The periodic read; it never throws, so that the executor runs it again. */
  void scheduled() {
    try {
      refresh();
    } catch (SQLException | RuntimeException e) {
      // the ring read last stays in use: a database outage does not stop token checks
      LOG.log(Level.WARNING, "Cannot refresh the token keys: " + e.getMessage());
    }
  }

  private synchronized void refresh() throws SQLException {
    Instant now = clock.instant();
    List<KeyRing.Generation> generations = read();
    if (generations.isEmpty()) {
      insert(new KeyRing.Generation(1, SigningKeys.in(dataDir), now, now));
      generations = read();
    }
    KeyRing ring = new KeyRing(generations, retention, clock);
    KeyRing.Generation newest = ring.newest();
    if (!newest.signsFrom().plus(rotation).isAfter(now)) {
      int number = newest.number() + 1;
      KeyRing.Generation next =
          new KeyRing.Generation(
              number, SigningKeys.generate("refresh-" + number), now, now.plus(publishDelay));
      if (insert(next)) {
        LOG.info(
            () ->
                "Token keys: generation "
                    + number
                    + " ("
                    + next.keys().signingKey().getKeyID()
                    + ") published, signs from "
                    + next.signsFrom());
      }
      generations = read();
      ring = new KeyRing(generations, retention, clock);
    }
    int oldest = ring.verifying().get(0).number();
    if (generations.get(0).number() < oldest) {
      delete(oldest);
    }
    this.ring = ring;
    String jwks = ring.publicJwks().toString();
    if (!jwks.equals(published)) {
      write(TokenKeyConfigSource.publishedKeys(dataDir), ring.publicJwks());
      published = jwks;
    }
  }

  /** Replaces the file of the public keys at once (a rename), so that no reader sees half of it. */
  static void write(Path file, JWKSet keys) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "jwks", ".tmp");
      Files.writeString(tmp, keys.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the public token keys " + file, e);
    }
  }

  /**
   * The generations in the table, decrypted; those in clear or under a previous key are written
   * again under the current key.
   */
  private List<KeyRing.Generation> read() throws SQLException {
    List<KeyRing.Generation> generations = new ArrayList<>();
    Map<KeyRing.Generation, String> stale = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT generation, jwk_set, created_ms, signs_from_ms FROM signing_key"
                      + " ORDER BY generation");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String stored = rows.getString(2);
          KeyRing.Generation generation =
              new KeyRing.Generation(
                  rows.getInt(1),
                  encryption.open(rows.getInt(1), stored),
                  Instant.ofEpochMilli(rows.getLong(3)),
                  Instant.ofEpochMilli(rows.getLong(4)));
          generations.add(generation);
          if (encryption.needsSealing(stored)) {
            stale.put(generation, stored);
          }
        }
      }
      List<Integer> inClear =
          stale.entrySet().stream()
              .filter(row -> KeyEncryption.inClear(row.getValue()))
              .map(row -> row.getKey().number())
              .toList();
      if (!inClear.isEmpty() && inClear.size() < generations.size()) {
        throw new KeyEncryption.Failure(
            "signing_key generation(s) "
                + inClear
                + " are in clear beside encrypted ones: only a table wholly in clear is taken and"
                + " encrypted; a row in clear among encrypted ones was written by someone without"
                + " the key-encryption key, so it is refused");
      }
      if (!stale.isEmpty()) {
        reseal(connection, stale);
      }
    }
    return generations;
  }

  /**
   * Writes these generations again under the current key, each only if its row still holds what was
   * read: another instance may have re-encrypted or deleted it meanwhile.
   */
  private void reseal(Connection connection, Map<KeyRing.Generation, String> stale)
      throws SQLException {
    List<Integer> resealed = new ArrayList<>();
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE signing_key SET jwk_set = ? WHERE generation = ? AND jwk_set = ?")) {
      for (Map.Entry<KeyRing.Generation, String> entry : stale.entrySet()) {
        update.setString(1, encryption.seal(entry.getKey().keys()));
        update.setInt(2, entry.getKey().number());
        update.setString(3, entry.getValue());
        if (update.executeUpdate() == 1) {
          resealed.add(entry.getKey().number());
        }
      }
    }
    if (!resealed.isEmpty()) {
      LOG.info(
          () ->
              "Token keys: generation(s) "
                  + resealed
                  + " now encrypted under the key-encryption key "
                  + encryption.currentId().orElseThrow());
    }
  }

  /** Adds a generation; false when another instance added one of that number first. */
  private boolean insert(KeyRing.Generation generation) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO signing_key (generation, jwk_set, created_ms, signs_from_ms)"
                    + " VALUES (?, ?, ?, ?)")) {
      insert.setInt(1, generation.number());
      insert.setString(2, encryption.seal(generation.keys()));
      insert.setLong(3, generation.created().toEpochMilli());
      insert.setLong(4, generation.signsFrom().toEpochMilli());
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  private void delete(int below) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM signing_key WHERE generation < ?")) {
      delete.setInt(1, below);
      delete.executeUpdate();
    }
  }

  /** Whether the database refused a row because its key is taken (SQLSTATE 23505, H2 and PG). */
  static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
