package org.hse.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hse.api.MapConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@link KeptKeyVerifier} are Payara's MicroProfile JWT's: each token here is one
 * Payara accepts or refuses, with the keys read from a JWK set file as the built-in endpoint
 * publishes them.
 */
class KeptKeyVerifierTest {

  static final String ISSUER = "https://idp.example/realms/hse";

  static RSAKey key;
  static RSAKey other;

  @TempDir static Path dir;

  @BeforeAll
  static void keys() throws JOSEException {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    other = new RSAKeyGenerator(2048).keyID("k2").generate();
  }

  @Test
  void acceptsAValidTokenWithTheClaimsTypedAsMicroProfileJwt() throws Exception {
    String token = sign(key, b -> b.claim("upn", "alice@example").claim("tenants", List.of("t1")));
    VerifiedToken verified = verifier(Map.of()).verify(token).orElseThrow();
    assertEquals("alice@example", verified.getName());
    assertEquals(Set.of("writer"), verified.getGroups());
    assertEquals(token, verified.getRawToken());
    assertEquals(ISSUER, verified.getIssuer());
    assertEquals(Set.of("api"), verified.getAudience());
    assertTrue(verified.getExpirationTime() > Instant.now().getEpochSecond());
    assertEquals(List.of("t1"), verified.getClaim("tenants"));
    assertTrue(verified.getClaimNames().containsAll(Set.of("raw_token", "tenants", "jti")));
    assertEquals(
        "alice",
        verifier(Map.of()).verify(sign(key, b -> b)).orElseThrow().getName(),
        "without upn or preferred_username, the subject");
  }

  @Test
  void refusesWhatPayaraRefuses() throws Exception {
    KeptKeyVerifier verifier = verifier(Map.of());
    assertRefused(verifier, "not.a.token");
    assertRefused(verifier, sign(other, b -> b));
    assertRefused(verifier, sign(key, b -> b.issuer("https://other.example/")));
    assertRefused(verifier, sign(key, b -> b.issueTime(at(-7200)).expirationTime(at(-3600))));
    assertRefused(verifier, sign(key, b -> b.jwtID(null)));
    assertRefused(verifier, sign(key, b -> b.issueTime(null)));
    assertRefused(verifier, sign(key, b -> b.subject(null)));
    assertRefused(verifier, sign(key, b -> b.issuer(null)));
    assertRefused(
        verifier,
        signed(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), b -> b));
    assertRefused(verifier, hs256());
    assertRefused(verifier, sign(key, b -> b.issueTime(at(20)).expirationTime(at(10))));
    assertTrue(
        verifier.verify(sign(key, b -> b.issueTime(at(-60)).expirationTime(at(-10)))).isPresent(),
        "within the skew");
  }

  @Test
  void checksTheAudienceOnlyWhenConfigured() throws Exception {
    String account = sign(key, b -> b.audience("account"));
    assertTrue(verifier(Map.of()).verify(account).isPresent());
    KeptKeyVerifier checking = verifier(Map.of("mp.jwt.verify.audiences", "api,other"));
    assertFalse(checking.verify(account).isPresent());
    assertFalse(checking.verify(sign(key, b -> b.audience((List<String>) null))).isPresent());
    assertTrue(checking.verify(sign(key, b -> b.audience(List.of("x", "other")))).isPresent());
  }

  @Test
  void readsAKeyGivenInline() throws Exception {
    Map<String, String> settings = new HashMap<>();
    settings.put("mp.jwt.verify.issuer", ISSUER);
    settings.put("mp.jwt.verify.publickey", new JWKSet(key.toPublicJWK()).toString());
    KeptKeyVerifier inline = KeptKeyVerifier.of(MapConfig.of(settings)).orElseThrow();
    assertTrue(inline.verify(sign(key, b -> b)).isPresent());
    assertFalse(inline.verify(sign(other, b -> b)).isPresent());
  }

  @Test
  void leavesToPayaraWhatItDoesNotDo() {
    for (String setting : KeptKeyVerifier.LEFT_TO_PAYARA) {
      Map<String, String> settings = new HashMap<>(settings(Map.of()));
      settings.put(setting, "60");
      assertTrue(KeptKeyVerifier.of(MapConfig.of(settings)).isEmpty(), setting);
    }
    assertTrue(
        KeptKeyVerifier.of(MapConfig.of(Map.of("mp.jwt.verify.issuer", ISSUER))).isEmpty(),
        "no key");
    assertTrue(
        KeptKeyVerifier.of(
                MapConfig.of(
                    Map.of(
                        "mp.jwt.verify.issuer",
                        ISSUER,
                        "mp.jwt.verify.publickey.location",
                        "/etc/no/such/jwks.json")))
            .isEmpty(),
        "a location that is neither a URL nor a resource");
    assertTrue(
        KeptKeyVerifier.of(
                MapConfig.of(
                    Map.of("mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey", "{not json")))
            .isEmpty(),
        "an inline key that does not parse");
  }

  @Test
  void keepsTheCacheTimeOfPayaraSettings() {
    assertEquals(30_000, KeptKeyVerifier.cacheTtl());
  }

  private static void assertRefused(KeptKeyVerifier verifier, String token) {
    assertFalse(verifier.verify(token).isPresent(), token);
  }

  private static KeptKeyVerifier verifier(Map<String, String> extra) throws IOException {
    return KeptKeyVerifier.of(MapConfig.of(settings(extra))).orElseThrow();
  }

  private static Map<String, String> settings(Map<String, String> extra) {
    Path file = dir.resolve("jwks.json");
    try {
      Files.writeString(file, new JWKSet(List.of(key.toPublicJWK())).toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("mp.jwt.verify.issuer", ISSUER);
    settings.put("mp.jwt.verify.publickey.location", file.toUri().toString());
    return settings;
  }

  private static Date at(long secondsFromNow) {
    return Date.from(Instant.now().plusSeconds(secondsFromNow));
  }

  private static String sign(RSAKey signer, UnaryOperator<JWTClaimsSet.Builder> edit)
      throws JOSEException {
    return signed(
        signer,
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(signer.getKeyID())
            .build(),
        edit);
  }

  private static String signed(
      RSAKey signer, JWSHeader header, UnaryOperator<JWTClaimsSet.Builder> edit)
      throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            header,
            edit.apply(
                    new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject("alice")
                        .jwtID("j1")
                        .audience("api")
                        .claim("groups", List.of("writer"))
                        .issueTime(at(-10))
                        .expirationTime(at(290)))
                .build());
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  private static String hs256() throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("alice")
                .jwtID("j1")
                .issueTime(at(-10))
                .expirationTime(at(290))
                .build());
    jwt.sign(new MACSigner(new byte[32]));
    return jwt.serialize();
  }
}
