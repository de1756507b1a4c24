package org.hse.api.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints the tokens of the built-in token endpoint and checks its refresh tokens.
 *
 * <p>Access tokens are RS256 JWTs carrying {@code iss}, {@code sub}, {@code upn}, {@code
 * preferred_username}, {@code groups}, {@code tenants}, {@code iat}, {@code exp}, {@code jti} and
 * the key's {@code kid}. Refresh tokens are HS256 JWTs with {@code typ} {@code Refresh}: an MP-JWT
 * verifier refuses them as access tokens, and {@link #refreshTokenUser} refuses access tokens.
 */
public final class TokenIssuer {

  static final String REFRESH_TYPE = "Refresh";

  private final RSAKey signingKey;
  private final OctetSequenceKey refreshKey;
  private final List<OctetSequenceKey> refreshVerifiers;
  private final String issuer;
  private final String clientId;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final Clock clock;

  public TokenIssuer(
      RSAKey signingKey,
      OctetSequenceKey refreshKey,
      String issuer,
      String clientId,
      Duration accessLifetime,
      Duration refreshLifetime,
      Clock clock) {
    this(
        signingKey,
        refreshKey,
        List.of(refreshKey),
        issuer,
        clientId,
        accessLifetime,
        refreshLifetime,
        clock);
  }

  /**
   * An issuer that signs with these keys and accepts refresh tokens signed by any of {@code
   * refreshVerifiers} (the secrets of every key generation still valid), chosen by their {@code
   * kid}.
   */
  public TokenIssuer(
      RSAKey signingKey,
      OctetSequenceKey refreshKey,
      List<OctetSequenceKey> refreshVerifiers,
      String issuer,
      String clientId,
      Duration accessLifetime,
      Duration refreshLifetime,
      Clock clock) {
    this.signingKey = Objects.requireNonNull(signingKey);
    this.refreshKey = Objects.requireNonNull(refreshKey);
    this.refreshVerifiers = List.copyOf(refreshVerifiers);
    this.issuer = Objects.requireNonNull(issuer, "mp.jwt.verify.issuer is not configured");
    this.clientId = Objects.requireNonNull(clientId);
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
    this.clock = clock;
  }

  /** A token response's tokens and lifetimes (seconds). */
  public record Tokens(
      String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {}

  /** Mints a new access token and refresh token for the user. */
  public Tokens issue(UserAccount user) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet access =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(user.username())
            .claim("upn", user.username())
            .claim("preferred_username", user.username())
            .claim("groups", user.roles())
            .claim("tenants", user.tenants())
            .claim("typ", "Bearer")
            .claim("azp", clientId)
            .claim("scope", "profile")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(accessLifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    JWTClaimsSet refresh =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(user.username())
            .claim("typ", REFRESH_TYPE)
            .claim("azp", clientId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(refreshLifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    try {
      SignedJWT accessJwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(signingKey.getKeyID())
                  .build(),
              access);
      accessJwt.sign(new RSASSASigner(signingKey));
      SignedJWT refreshJwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(refreshKey.getKeyID())
                  .build(),
              refresh);
      refreshJwt.sign(new MACSigner(refreshKey));
      return new Tokens(
          accessJwt.serialize(),
          accessLifetime.toSeconds(),
          refreshJwt.serialize(),
          refreshLifetime.toSeconds());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }

  /**
   * The user name of a refresh token that this issuer signed for this client and that has not
   * expired; empty for anything else (an access token, a foreign or tampered token, garbage).
   */
  public Optional<String> refreshTokenUser(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(refreshToken);
      String keyId = jwt.getHeader().getKeyID();
      Optional<OctetSequenceKey> verifier =
          refreshVerifiers.stream().filter(k -> k.getKeyID().equals(keyId)).findFirst();
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || verifier.isEmpty()
          || !jwt.verify(new MACVerifier(verifier.get()))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      if (!issuer.equals(claims.getIssuer())
          || !REFRESH_TYPE.equals(claims.getStringClaim("typ"))
          || !clientId.equals(claims.getStringClaim("azp"))
          || expires == null
          || !clock.instant().isBefore(expires.toInstant())
          || claims.getSubject() == null) {
        return Optional.empty();
      }
      return Optional.of(claims.getSubject());
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
