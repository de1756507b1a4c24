package org.hse.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.hse.api.tokens.SigningKeys;
import org.hse.api.tokens.TokenIssuer;
import org.hse.api.tokens.UserAccount;

/**
 * Tokens a test forges: with the service's own key from its data directory (expired, wrong issuer),
 * with a stranger's key, unsigned, or with an edited payload. Test-only.
 */
public final class Tokens {

  static final String ISSUER = "http://localhost:8080/realms/hse";

  private Tokens() {}

  static String signedByService(
      String user, List<String> roles, List<String> tenants, String issuer, Instant at) {
    return signedByService(Path.of(System.getenv("DATA_DIR")), user, roles, tenants, issuer, at);
  }

  /** Signed with the first key of the service whose data directory this is. */
  static String signedByService(
      Path dataDir,
      String user,
      List<String> roles,
      List<String> tenants,
      String issuer,
      Instant at) {
    SigningKeys keys = SigningKeys.in(dataDir);
    return issue(keys.signingKey(), keys.refreshKey(), issuer, at, user, roles, tenants);
  }

  static String signedByStranger(String user, List<String> roles, List<String> tenants) {
    try {
      RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
      OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("refresh").generate();
      return issue(stranger, secret, ISSUER, Instant.now(), user, roles, tenants);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(String user, List<String> roles, List<String> tenants) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user)
            .claim("upn", user)
            .claim("groups", roles)
            .claim("tenants", tenants)
            .expirationTime(java.util.Date.from(Instant.now().plusSeconds(300)))
            .build();
    return new PlainJWT(claims).serialize();
  }

  /** The token with its payload replaced by another token's: the signature no longer fits. */
  static String withPayloadOf(String token, String otherToken) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + otherToken.split("\\.")[1] + "." + parts[2];
  }

  static String decodedPayload(String token) {
    return new String(
        Base64.getUrlDecoder().decode(token.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String issue(
      RSAKey key,
      OctetSequenceKey secret,
      String issuer,
      Instant at,
      String user,
      List<String> roles,
      List<String> tenants) {
    TokenIssuer issuerOfTokens =
        new TokenIssuer(
            key,
            secret,
            issuer,
            "api",
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Clock.fixed(at, ZoneOffset.UTC));
    return issuerOfTokens.issue(new UserAccount(user, "unused", roles, tenants)).accessToken();
  }
}
