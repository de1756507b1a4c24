package org.hse.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hse.api.MapConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenRefusalTest {

  static final String ISSUER = "https://idp.example/realms/hse";
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final TokenRefusal.Checks CHECKS =
      new TokenRefusal.Checks(Optional.of(ISSUER), Set.of("api"), Duration.ofSeconds(30));

  static RSAKey key;

  @BeforeAll
  static void key() throws JOSEException {
    key = new RSAKeyGenerator(2048).keyID("k").generate();
  }

  @Test
  void namesTheClassOfFailure() {
    assertEquals(TokenRefusal.EMPTY, refusal(null));
    assertEquals(TokenRefusal.EMPTY, refusal(" "));
    assertEquals(TokenRefusal.MALFORMED, refusal("not.a.token"));
    assertEquals(TokenRefusal.MALFORMED, refusal(new PlainJWT(claims(b -> b)).serialize()));
    assertEquals(TokenRefusal.SIGNATURE, refusal(sign(b -> b)), "verified elsewhere: a bad key");
    assertEquals(TokenRefusal.SIGNATURE, refusal(hs256()));
    assertEquals(TokenRefusal.MISSING_CLAIM, refusal(sign(b -> b.expirationTime(null))));
    assertEquals(TokenRefusal.MISSING_CLAIM, refusal(sign(b -> b.issueTime(null))));
    assertEquals(TokenRefusal.MISSING_CLAIM, refusal(sign(b -> b.subject(null))));
    assertEquals(TokenRefusal.MISSING_CLAIM, refusal(sign(b -> b.jwtID(null))));
    assertEquals(TokenRefusal.ISSUER, refusal(sign(b -> b.issuer("https://other.example/"))));
    assertEquals(TokenRefusal.AUDIENCE, refusal(sign(b -> b.audience("account"))));
    assertEquals(TokenRefusal.AUDIENCE, refusal(sign(b -> b.audience((List<String>) null))));
    assertEquals(
        TokenRefusal.SIGNATURE,
        TokenRefusal.of(
            sign(b -> b.audience("account")),
            new TokenRefusal.Checks(Optional.of(ISSUER), Set.of(), Duration.ofSeconds(30)),
            NOW),
        "no audience is checked unless configured");
  }

  @Test
  void theClockSkewAppliesToExpiryAndIssueTime() {
    assertEquals(TokenRefusal.SIGNATURE, refusal(sign(b -> b.expirationTime(at(-29)))));
    assertEquals(TokenRefusal.EXPIRED, refusal(sign(b -> b.expirationTime(at(-30)))));
    assertEquals(TokenRefusal.EXPIRED, refusal(sign(b -> b.expirationTime(at(-3600)))));
    assertFalse(TokenRefusal.notYetValid(NOW.plusSeconds(30), null, CHECKS, NOW));
    assertTrue(TokenRefusal.notYetValid(NOW.plusSeconds(31), null, CHECKS, NOW));
    assertTrue(TokenRefusal.notYetValid(NOW, NOW.plusSeconds(31), CHECKS, NOW));
    assertFalse(TokenRefusal.notYetValid(null, null, CHECKS, NOW));
    assertEquals(
        TokenRefusal.NOT_YET_VALID,
        refusal(sign(b -> b.issueTime(at(3600)).expirationTime(at(3900)))));
  }

  @Test
  void messagesCarryNoValues() {
    for (TokenRefusal refusal : TokenRefusal.values()) {
      assertFalse(refusal.message().contains(ISSUER), refusal.name());
      assertFalse(refusal.message().contains("http"), refusal.name());
    }
    assertTrue(TokenRefusal.AUDIENCE.message().contains("audience mapper"));
    assertTrue(TokenRefusal.EXPIRED.message().contains("expired"));
    assertTrue(TokenRefusal.ISSUER.message().contains("issuer"));
  }

  /** The metric tag api_tokens_refused_total{reason} (docs/security.md, What listens). */
  @Test
  void reasonsAreTheClassesInSnakeCase() {
    assertEquals("expired", TokenRefusal.EXPIRED.reason());
    assertEquals("not_yet_valid", TokenRefusal.NOT_YET_VALID.reason());
    assertEquals("missing_claim", TokenRefusal.MISSING_CLAIM.reason());
    assertEquals("signature", TokenRefusal.SIGNATURE.reason());
  }

  @Test
  void readsTheChecksFromTheConfiguration() {
    TokenRefusal.Checks checks =
        TokenRefusal.Checks.from(
            MapConfig.of(
                Map.of(
                    "mp.jwt.verify.issuer", ISSUER,
                    "mp.jwt.verify.audiences", "api, other,",
                    "mp.jwt.verify.clock.skew", "5")));
    assertEquals(Optional.of(ISSUER), checks.issuer());
    assertEquals(Set.of("api", "other"), checks.audiences());
    assertEquals(Duration.ofSeconds(5), checks.clockSkew());
    assertEquals(
        Duration.ofSeconds(30), TokenRefusal.Checks.from(MapConfig.of(Map.of())).clockSkew());
    assertThrows(
        IllegalArgumentException.class,
        () -> TokenRefusal.Checks.from(MapConfig.of(Map.of("mp.jwt.verify.clock.skew", "-1"))));
  }

  private static TokenRefusal refusal(String token) {
    return TokenRefusal.of(token, CHECKS, NOW);
  }

  private static Date at(long secondsFromNow) {
    return Date.from(NOW.plusSeconds(secondsFromNow));
  }

  private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> edit) {
    return edit.apply(
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("alice")
                .jwtID("j1")
                .audience("api")
                .issueTime(at(-10))
                .expirationTime(at(290)))
        .build();
  }

  private static String sign(UnaryOperator<JWTClaimsSet.Builder> edit) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(), claims(edit));
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hs256() {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(b -> b));
      jwt.sign(new MACSigner(new byte[32]));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
