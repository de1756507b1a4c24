package org.hse.api.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The login throttle's counts in the database ({@code login_failure}), shared by every instance
 * serving it. Each statement commits by itself; a count changes only if it is still the one read
 * (compare-and-set on the first failure and the count), so concurrent failures on several instances
 * are each counted once. Keys (a user name and address, or an address) are kept as their SHA-256,
 * in the column {@code name_hash} (named when the key was the user name alone). Rows that no longer
 * count are deleted whenever a new key starts being counted.
 */
final class LoginFailureTable implements LoginThrottle.Store {

  private final DataSource dataSource;
  private final Clock clock;

  LoginFailureTable(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public Optional<LoginThrottle.Failures> find(String key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT first_ms, failures, locked_until_ms FROM login_failure WHERE name_hash = ?")) {
      select.setString(1, hash(key));
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long lockedUntil = row.getLong(3);
        return Optional.of(
            new LoginThrottle.Failures(
                Instant.ofEpochMilli(row.getLong(1)),
                row.getInt(2),
                row.wasNull() ? null : Instant.ofEpochMilli(lockedUntil)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the login failures: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean replace(
      String key, Optional<LoginThrottle.Failures> expected, LoginThrottle.Failures updated) {
    try (Connection connection = dataSource.getConnection()) {
      if (expected.isEmpty()) {
        try (PreparedStatement prune =
            connection.prepareStatement("DELETE FROM login_failure WHERE expires_ms < ?")) {
          prune.setLong(1, clock.millis());
          prune.executeUpdate();
        }
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO login_failure (first_ms, failures, locked_until_ms, expires_ms,"
                    + " name_hash) VALUES (?, ?, ?, ?, ?)")) {
          bind(insert, updated, key);
          return insert.executeUpdate() == 1;
        } catch (SQLException e) {
          if (SharedKeys.isDuplicateKey(e)) {
            return false;
          }
          throw e;
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE login_failure SET first_ms = ?, failures = ?, locked_until_ms = ?,"
                  + " expires_ms = ? WHERE name_hash = ? AND first_ms = ? AND failures = ?")) {
        bind(update, updated, key);
        update.setLong(6, expected.get().first().toEpochMilli());
        update.setInt(7, expected.get().count());
        return update.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count a login failure: " + e.getMessage(), e);
    }
  }

  @Override
  public void remove(String key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM login_failure WHERE name_hash = ?")) {
      delete.setString(1, hash(key));
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot clear the login failures: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement statement, LoginThrottle.Failures f, String key)
      throws SQLException {
    statement.setLong(1, f.first().toEpochMilli());
    statement.setInt(2, f.count());
    if (f.lockedUntil() == null) {
      statement.setNull(3, Types.BIGINT);
    } else {
      statement.setLong(3, f.lockedUntil().toEpochMilli());
    }
    statement.setLong(4, f.expires().toEpochMilli());
    statement.setString(5, hash(key));
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
