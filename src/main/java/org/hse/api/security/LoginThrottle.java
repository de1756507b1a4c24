package org.hse.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at the token endpoint: after {@value #MAX_FAILURES} wrong passwords for
 * one user name within {@link #WINDOW}, that name is locked for {@link #LOCK}, during which even
 * the right password answers {@code invalid_grant}. Unknown user names are counted and locked
 * exactly like known ones, so the lock says nothing about whether a user exists. The count is kept
 * in memory, per server instance, for at most {@value #MAX_TRACKED} names.
 */
public final class LoginThrottle {

  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);
  static final int MAX_TRACKED = 10_000;

  private final Clock clock;
  private final Map<String, Failures> byName = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether this user name may try a password now. */
  public boolean allows(String username) {
    Failures failures = byName.get(username);
    return failures == null || !failures.locksAt(clock.instant());
  }

  public void failed(String username) {
    Instant now = clock.instant();
    if (byName.size() >= MAX_TRACKED) {
      byName.values().removeIf(f -> f.expiredAt(now));
      if (byName.size() >= MAX_TRACKED) {
        byName.clear();
      }
    }
    byName.compute(
        username,
        (name, old) ->
            (old == null || old.expiredAt(now) ? new Failures(now, 0, null) : old).plusOne(now));
  }

  public void succeeded(String username) {
    byName.remove(username);
  }

  /** The failures of one name since {@code first}, and the lock they earned, if any. */
  private record Failures(Instant first, int count, Instant lockedUntil) {

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
  }
}
