package org.hse.api.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops the sender of wrong passwords, not the account: after {@value #PAIR_FAILURES} wrong
 * passwords for one user name from one client address within {@link #WINDOW}, that name is locked
 * for that address for {@link #LOCK}, during which even the right password from there answers
 * {@code invalid_grant}; after {@value #ADDRESS_FAILURES} wrong passwords from one address for any
 * names (spraying one password over many names, or stuffing leaked pairs), the address is locked
 * for every name. The same name from any other address is not affected, so a stranger's guesses
 * never keep the real user out. A success clears the count of its own name and address only.
 * Unknown user names are counted and locked exactly like known ones, so a lock says nothing about
 * whether a user exists.
 *
 * <p>This departs from Keycloak's brute-force detection, which counts per user (with wait
 * increments, a quick-login check, and optionally a permanent lockout): there, anyone who knows a
 * user name can keep that user locked out.
 *
 * <p>The counts live in a {@link Store}: in the server the database ({@link LoginFailureTable}), so
 * that every instance serving one database counts the same failures; in memory for unit tests. A
 * count changes by compare-and-set, so concurrent failures on several instances are all counted.
 * The store's keys are {@code "pair\n" + address + "\n" + name} and {@code "address\n" + address}:
 * an address never holds a line break, so no two pairs share a key.
 */
public final class LoginThrottle {

  public static final int PAIR_FAILURES = 5;
  public static final int ADDRESS_FAILURES = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);
  static final int MAX_TRACKED = 10_000;
  private static final int MAX_ATTEMPTS = 20;

  private final Clock clock;
  private final Store store;

  /** A throttle that counts in this process's memory, for at most {@value #MAX_TRACKED} keys. */
  public LoginThrottle(Clock clock) {
    this(clock, new MemoryStore());
  }

  public LoginThrottle(Clock clock, Store store) {
    this.clock = clock;
    this.store = store;
  }

  /** Whether this user name may try a password now from this client address. */
  public boolean allows(String username, String address) {
    Instant now = clock.instant();
    return !lockedAt(pair(username, address), now) && !lockedAt(address(address), now);
  }

  public void failed(String username, String address) {
    count(pair(username, address), PAIR_FAILURES);
    count(address(address), ADDRESS_FAILURES);
  }

  public void succeeded(String username, String address) {
    store.remove(pair(username, address));
  }

  private boolean lockedAt(String key, Instant now) {
    return store.find(key).map(f -> f.locksAt(now)).orElse(false);
  }

  private void count(String key, int limit) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Optional<Failures> old = store.find(key);
      Failures counted =
          old.filter(f -> !f.expiredAt(now))
              .orElseGet(() -> new Failures(now, 0, null))
              .plusOne(now, limit);
      if (store.replace(key, old, counted)) {
        return;
      }
    }
    throw new IllegalStateException("The login failures of one key changed too often to count");
  }

  private static String pair(String username, String address) {
    return "pair\n" + address + "\n" + username;
  }

  private static String address(String address) {
    return "address\n" + address;
  }

  /**
   * The failures of one key since {@code first}, and the lock they earned, if any.
   *
   * @param first the first failure of the current window
   * @param count the failures since then
   * @param lockedUntil the end of the lock, or null
   */
  public record Failures(Instant first, int count, Instant lockedUntil) {

    Failures plusOne(Instant now, int limit) {
      int total = count + 1;
      return new Failures(first, total, total >= limit ? now.plus(LOCK) : lockedUntil);
    }

    boolean locksAt(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }

    boolean expiredAt(Instant now) {
      return !locksAt(now) && now.isAfter(first.plus(WINDOW));
    }

    /** When this count stops counting or locking, so that it may be forgotten. */
    Instant expires() {
      Instant end = first.plus(WINDOW);
      return lockedUntil != null && lockedUntil.isAfter(end) ? lockedUntil : end;
    }
  }

  /** Where the counts are kept. */
  public interface Store {

    Optional<Failures> find(String key);

    /**
     * Sets the key's count to {@code updated} if it is still {@code expected} (absent: not
     * counted); false when another failure changed it first.
     */
    boolean replace(String key, Optional<Failures> expected, Failures updated);

    void remove(String key);
  }

  /** The counts in this process's memory. */
  static final class MemoryStore implements Store {

    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    @Override
    public Optional<Failures> find(String key) {
      return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public boolean replace(String key, Optional<Failures> expected, Failures updated) {
      if (expected.isEmpty()) {
        if (byKey.size() >= MAX_TRACKED) {
          Instant now = updated.first();
          byKey.values().removeIf(f -> f.expiredAt(now));
          if (byKey.size() >= MAX_TRACKED) {
            byKey.clear();
          }
        }
        return byKey.putIfAbsent(key, updated) == null;
      }
      return byKey.replace(key, expected.get(), updated);
    }

    @Override
    public void remove(String key) {
      byKey.remove(key);
    }
  }
}
