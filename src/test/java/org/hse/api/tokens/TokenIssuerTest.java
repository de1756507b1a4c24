package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

  private static final String ISSUER = "http://localhost:8080/realms/hse";
  private static final Instant NOW = Instant.parse("2026-11-29T14:05:00Z");
  private static final UserAccount ALICE =
      new UserAccount("alice", "unused", List.of("writer"), List.of("p1", "p2"));

  @TempDir static Path dataDir;
  private static SigningKeys keys;

  @BeforeAll
  static void keys() {
    keys = SigningKeys.loadOrCreate(dataDir);
  }

  private static TokenIssuer issuer(Clock clock) {
    return new TokenIssuer(
        keys.signingKey(),
        keys.refreshKey(),
        ISSUER,
        "api",
        Duration.ofSeconds(300),
        Duration.ofSeconds(1800),
        clock);
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void accessTokenCarriesTheContractClaims() throws Exception {
    TokenIssuer.Tokens tokens = issuer(at(NOW)).issue(ALICE);
    assertEquals(300, tokens.expiresIn());
    assertEquals(1800, tokens.refreshExpiresIn());

    SignedJWT jwt = SignedJWT.parse(tokens.accessToken());
    assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
    assertEquals(keys.signingKey().getKeyID(), jwt.getHeader().getKeyID());
    assertTrue(jwt.verify(new RSASSAVerifier(keys.publicJwks().getKeys().get(0).toRSAKey())));
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals(ISSUER, claims.getIssuer());
    assertEquals("alice", claims.getSubject());
    assertEquals("alice", claims.getStringClaim("upn"));
    assertEquals("alice", claims.getStringClaim("preferred_username"));
    assertEquals(List.of("writer"), claims.getStringListClaim("groups"));
    assertEquals(List.of("p1", "p2"), claims.getStringListClaim("tenants"));
    assertEquals(NOW, claims.getIssueTime().toInstant());
    assertEquals(NOW.plusSeconds(300), claims.getExpirationTime().toInstant());
    assertNotNull(claims.getJWTID());
  }

  @Test
  void refreshTokenNamesTheUserUntilItExpires() {
    String refresh = issuer(at(NOW)).issue(ALICE).refreshToken();
    assertEquals(Optional.of("alice"), issuer(at(NOW.plusSeconds(1799))).refreshTokenUser(refresh));
    assertEquals(Optional.empty(), issuer(at(NOW.plusSeconds(1800))).refreshTokenUser(refresh));
  }

  @Test
  void refreshTokenIsNotAnAccessTokenAndViceVersa() throws Exception {
    TokenIssuer.Tokens tokens = issuer(at(NOW)).issue(ALICE);
    SignedJWT refresh = SignedJWT.parse(tokens.refreshToken());
    assertEquals(JWSAlgorithm.HS256, refresh.getHeader().getAlgorithm());
    assertFalse(refresh.getJWTClaimsSet().getClaims().containsKey("groups"));
    assertEquals(Optional.empty(), issuer(at(NOW)).refreshTokenUser(tokens.accessToken()));
  }

  @Test
  void refusesForeignTamperedOrGarbageRefreshTokens() {
    String refresh = issuer(at(NOW)).issue(ALICE).refreshToken();
    TokenIssuer otherClient =
        new TokenIssuer(
            keys.signingKey(),
            keys.refreshKey(),
            ISSUER,
            "other",
            Duration.ofSeconds(300),
            Duration.ofSeconds(1800),
            at(NOW));
    assertEquals(Optional.empty(), otherClient.refreshTokenUser(refresh));
    TokenIssuer otherIssuer =
        new TokenIssuer(
            keys.signingKey(),
            keys.refreshKey(),
            "http://elsewhere/realms/hse",
            "api",
            Duration.ofSeconds(300),
            Duration.ofSeconds(1800),
            at(NOW));
    assertEquals(Optional.empty(), otherIssuer.refreshTokenUser(refresh));
    String tampered = refresh.substring(0, refresh.length() - 4) + "AAAA";
    assertEquals(Optional.empty(), issuer(at(NOW)).refreshTokenUser(tampered));
    assertEquals(Optional.empty(), issuer(at(NOW)).refreshTokenUser("garbage"));
    assertEquals(Optional.empty(), issuer(at(NOW)).refreshTokenUser(""));
    assertEquals(Optional.empty(), issuer(at(NOW)).refreshTokenUser(null));
  }

  @Test
  void keysAreKeptAndReusedButOnlyThePublicKeyIsPublished(@TempDir Path dir) throws Exception {
    SigningKeys first = SigningKeys.loadOrCreate(dir);
    SigningKeys again = SigningKeys.loadOrCreate(dir);
    assertEquals(first.signingKey(), again.signingKey());
    assertEquals(first.refreshKey(), again.refreshKey());
    assertTrue(Files.exists(dir.resolve(SigningKeys.FILE)));

    JWKSet published = JWKSet.parse(first.publicJwks().toString());
    assertEquals(1, published.getKeys().size());
    RSAKey key = published.getKeys().get(0).toRSAKey();
    assertFalse(key.isPrivate());
    assertEquals("sig", key.getKeyUse().identifier());
    assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
    assertEquals(first.signingKey().getKeyID(), key.getKeyID());
    assertFalse(first.publicJwks().toString().contains("\"d\""));
    assertNotEquals(
        first.signingKey().getKeyID(), SigningKeys.loadOrCreate(dataDir).signingKey().getKeyID());
  }
}
