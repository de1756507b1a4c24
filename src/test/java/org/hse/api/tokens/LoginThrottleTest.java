package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final String ATTACKER = "203.0.113.7";
  private static final String USER = "198.51.100.9";

  private Instant now = Instant.parse("2026-11-29T10:00:00Z");

  private final LoginThrottle throttle =
      new LoginThrottle(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  /** Issue 26: a stranger's guesses stop the stranger, never the real user elsewhere. */
  @Test
  void fiftyGuessesFromOneAddressStopThatAddressAndNotTheUserFromAnother() {
    for (int i = 0; i < 50; i++) {
      if (throttle.allows("admin", ATTACKER)) {
        throttle.failed("admin", ATTACKER);
      }
    }
    assertFalse(throttle.allows("admin", ATTACKER), "the attacker, even with the right password");
    assertTrue(throttle.allows("admin", USER), "the real user from another address, at once");
    throttle.succeeded("admin", USER);
    assertFalse(throttle.allows("admin", ATTACKER), "the user's success frees only the user");
  }

  @Test
  void fiveFailuresLockTheNameForThatAddressForAQuarterOfAnHour() {
    for (int i = 0; i < LoginThrottle.PAIR_FAILURES - 1; i++) {
      throttle.failed("alice", ATTACKER);
      assertTrue(throttle.allows("alice", ATTACKER));
    }
    throttle.failed("alice", ATTACKER);
    assertFalse(throttle.allows("alice", ATTACKER));
    assertTrue(throttle.allows("bob", ATTACKER), "another name from the same address");
    assertTrue(throttle.allows("alice", USER), "the same name from another address");
    now = now.plus(LoginThrottle.LOCK).minusSeconds(1);
    assertFalse(throttle.allows("alice", ATTACKER));
    now = now.plusSeconds(2);
    assertTrue(throttle.allows("alice", ATTACKER));
  }

  /** Spraying one password over many names: the address is stopped for every name. */
  @Test
  void manyFailuresFromOneAddressOverManyNamesStopTheAddress() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES - 1; i++) {
      throttle.failed("user-" + i, ATTACKER);
    }
    assertTrue(throttle.allows("someone-else", ATTACKER));
    throttle.failed("user-last", ATTACKER);
    assertFalse(throttle.allows("someone-else", ATTACKER));
    assertFalse(throttle.allows("alice", ATTACKER), "known or not, every name");
    assertTrue(throttle.allows("alice", USER));
    throttle.succeeded("user-0", ATTACKER);
    assertFalse(throttle.allows("user-0", ATTACKER), "a pair's success does not free the address");
    now = now.plus(LoginThrottle.LOCK).plusSeconds(1);
    assertTrue(throttle.allows("someone-else", ATTACKER));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    for (int i = 0; i < LoginThrottle.PAIR_FAILURES - 1; i++) {
      throttle.failed("alice", ATTACKER);
    }
    now = now.plus(LoginThrottle.WINDOW).plusSeconds(1);
    for (int i = 0; i < LoginThrottle.PAIR_FAILURES - 1; i++) {
      throttle.failed("alice", ATTACKER);
    }
    assertTrue(throttle.allows("alice", ATTACKER));
  }

  @Test
  void aSuccessClearsItsOwnPairOnlyAndUnknownNamesAreLockedAlike() {
    for (int i = 0; i < LoginThrottle.PAIR_FAILURES - 1; i++) {
      throttle.failed("alice", ATTACKER);
      throttle.failed("alice", USER);
    }
    throttle.succeeded("alice", USER);
    throttle.failed("alice", USER);
    assertTrue(throttle.allows("alice", USER), "its count began again");
    throttle.failed("alice", ATTACKER);
    assertFalse(throttle.allows("alice", ATTACKER), "the other address's count stayed");
    for (int i = 0; i < LoginThrottle.PAIR_FAILURES; i++) {
      throttle.failed("nobody-by-this-name", USER);
    }
    assertFalse(throttle.allows("nobody-by-this-name", USER));
  }
}
