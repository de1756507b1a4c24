package org.hse.api.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at the token endpoint: after {@value #MAX_FAILURES} wrong passwords for
 * one user name within {@link #WINDOW}, that name is locked for {@link #LOCK}, during which even
 * the right password answers {@code invalid_grant}. Unknown user names are counted and locked
 * exactly like known ones, so the lock says nothing about whether a user exists.
 *
 * <p>The counts live in a {@link Store}: in the server the database ({@link LoginFailureTable}), so
 * that every instance serving one database counts the same failures; in memory for unit tests. A
 * count changes by compare-and-set, so concurrent failures on several instances are all counted.
 */
public final class LoginThrottle {

  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);
  static final int MAX_TRACKED = 10_000;
  private static final int MAX_ATTEMPTS = 20;

  private final Clock clock;
  private final Store store;

  /** A throttle that counts in this process's memory, for at most {@value #MAX_TRACKED} names. */
  public LoginThrottle(Clock clock) {
    this(clock, new MemoryStore());
  }

  public LoginThrottle(Clock clock, Store store) {
    this.clock = clock;
    this.store = store;
  }

  /** Whether this user name may try a password now. */
  public boolean allows(String username) {
    return store.find(username).map(f -> !f.locksAt(clock.instant())).orElse(true);
  }

  public void failed(String username) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Optional<Failures> old = store.find(username);
      Failures counted =
          old.filter(f -> !f.expiredAt(now))
              .orElseGet(() -> new Failures(now, 0, null))
              .plusOne(now);
      if (store.replace(username, old, counted)) {
        return;
      }
    }
    throw new IllegalStateException("The login failures of one name changed too often to count");
  }

  public void succeeded(String username) {
    store.remove(username);
  }

  /**
   * The failures of one name since {@code first}, and the lock they earned, if any.
   *
   * @param first the first failure of the current window
   * @param count the failures since then
   * @param lockedUntil the end of the lock, or null
   */
  public record Failures(Instant first, int count, Instant lockedUntil) {

    Failures plusOne(Instant now) {
      int total = count + 1;
      return new Failures(first, total, total >= MAX_FAILURES ? now.plus(LOCK) : lockedUntil);
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

    Optional<Failures> find(String username);

    /**
     * Sets the name's count to {@code updated} if it is still {@code expected} (absent: not
     * counted); false when another failure changed it first.
     */
    boolean replace(String username, Optional<Failures> expected, Failures updated);

    void remove(String username);
  }

  /** The counts in this process's memory. */
  static final class MemoryStore implements Store {

    private final Map<String, Failures> byName = new ConcurrentHashMap<>();

    @Override
    public Optional<Failures> find(String username) {
      return Optional.ofNullable(byName.get(username));
    }

    @Override
    public boolean replace(String username, Optional<Failures> expected, Failures updated) {
      if (expected.isEmpty()) {
        if (byName.size() >= MAX_TRACKED) {
          Instant now = updated.first();
          byName.values().removeIf(f -> f.expiredAt(now));
          if (byName.size() >= MAX_TRACKED) {
            byName.clear();
          }
        }
        return byName.putIfAbsent(username, updated) == null;
      }
      return byName.replace(username, expected.get(), updated);
    }

    @Override
    public void remove(String username) {
      byName.remove(username);
    }
  }
}
