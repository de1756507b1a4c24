package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  static final Duration RETENTION = Duration.ofMinutes(31);
  static final SigningKeys FIRST = SigningKeys.generate("refresh-1");
  static final SigningKeys SECOND = SigningKeys.generate("refresh-2");

  /** Generation 1 signs from T0; generation 2 is published at T0+1h and signs from T0+1h+2min. */
  static final List<KeyRing.Generation> GENERATIONS =
      List.of(
          new KeyRing.Generation(1, FIRST, T0, T0),
          new KeyRing.Generation(
              2, SECOND, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofMinutes(62))));

  private static KeyRing at(Instant now) {
    return new KeyRing(GENERATIONS, RETENTION, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static List<Integer> verifying(KeyRing ring) {
    return ring.verifying().stream().map(KeyRing.Generation::number).toList();
  }

  @Test
  void aNewGenerationIsPublishedBeforeItSigns() {
    KeyRing ring = at(T0.plus(Duration.ofMinutes(61)));
    assertEquals(1, ring.signing().number());
    assertEquals(List.of(1, 2), verifying(ring));
    assertEquals(2, ring.publicJwks().getKeys().size());
  }

  @Test
  void theOldGenerationVerifiesUntilItsLastTokensExpire() {
    Instant switched = T0.plus(Duration.ofMinutes(62));
    KeyRing after = at(switched);
    assertEquals(2, after.signing().number());
    assertEquals(List.of(1, 2), verifying(after));
    assertEquals(List.of(1, 2), verifying(at(switched.plus(RETENTION).minusSeconds(1))));
    assertEquals(List.of(2), verifying(at(switched.plus(RETENTION))));
    assertEquals(
        List.of("refresh-2"),
        at(switched.plus(RETENTION)).refreshKeys().stream().map(k -> k.getKeyID()).toList());
  }
}
