package org.hse.api.tokens;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The generations of token keys as this instance last read them from the database: the one that
 * signs now, and every one whose tokens may still be valid, which verify. A generation signs from
 * its {@code signsFrom} until the next generation's {@code signsFrom}; after that its tokens stay
 * valid for at most {@code retention} (the longest token lifetime and the clock skew allowed), and
 * it verifies until then. A generation that does not sign yet is already published, so that every
 * verifier knows it before its first token.
 *
 * <p>{@link SharedKeys} keeps the current ring and writes its public keys where MicroProfile JWT
 * reads them ({@link TokenKeyConfigSource}); the token endpoint signs with it.
 */
public final class KeyRing {

  /** One generation: its number, its keys, when it was published and when it starts signing. */
  record Generation(int number, SigningKeys keys, Instant created, Instant signsFrom) {}

  private final List<Generation> generations;
  private final Duration retention;
  private final Clock clock;

  KeyRing(List<Generation> generations, Duration retention, Clock clock) {
    if (generations.isEmpty()) {
      throw new IllegalArgumentException("A key ring needs a generation");
    }
    this.generations =
        generations.stream().sorted(Comparator.comparingInt(Generation::number)).toList();
    this.retention = retention;
    this.clock = clock;
  }

  /** The generation that signs now: the newest one whose {@code signsFrom} has come. */
  Generation signing() {
    Instant now = clock.instant();
    Generation signing = generations.get(0);
    for (Generation generation : generations) {
      if (!generation.signsFrom().isAfter(now)) {
        signing = generation;
      }
    }
    return signing;
  }

  /** The newest generation, which may not sign yet. */
  Generation newest() {
    return generations.get(generations.size() - 1);
  }

  /** The generations that verify now: every one whose tokens may still be valid. */
  List<Generation> verifying() {
    Instant now = clock.instant();
    List<Generation> verifying = new ArrayList<>();
    for (int i = 0; i < generations.size(); i++) {
      Instant retired =
          i + 1 < generations.size() ? generations.get(i + 1).signsFrom() : Instant.MAX;
      if (retired.isAfter(now) || retired.plus(retention).isAfter(now)) {
        verifying.add(generations.get(i));
      }
    }
    return verifying;
  }

  /** The public keys that verify access tokens now: the JWKS to publish. */
  public JWKSet publicJwks() {
    List<JWK> keys =
        verifying().stream().map(g -> (JWK) g.keys().signingKey().toPublicJWK()).toList();
    return new JWKSet(keys);
  }

  /** The secrets that verify refresh tokens now. */
  List<OctetSequenceKey> refreshKeys() {
    return verifying().stream().map(g -> g.keys().refreshKey()).toList();
  }
}
