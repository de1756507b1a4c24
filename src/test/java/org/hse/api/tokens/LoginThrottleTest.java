package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

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

  @Test
  void fiveFailuresLockTheNameForAQuarterOfAnHour() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("alice");
      assertTrue(throttle.allows("alice"));
    }
    throttle.failed("alice");
    assertFalse(throttle.allows("alice"));
    assertTrue(throttle.allows("bob"));
    now = now.plus(LoginThrottle.LOCK).minusSeconds(1);
    assertFalse(throttle.allows("alice"));
    now = now.plusSeconds(2);
    assertTrue(throttle.allows("alice"));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("alice");
    }
    now = now.plus(LoginThrottle.WINDOW).plusSeconds(1);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("alice");
    }
    assertTrue(throttle.allows("alice"));
  }

  @Test
  void aSuccessClearsTheCountAndUnknownNamesAreLockedAlike() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("alice");
    }
    throttle.succeeded("alice");
    throttle.failed("alice");
    assertTrue(throttle.allows("alice"));
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      throttle.failed("nobody-by-this-name");
    }
    assertFalse(throttle.allows("nobody-by-this-name"));
  }
}
