package org.hse.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * The class of failure of a refused bearer token, for the 401's {@code message}: it points an
 * operator to the right setting (clock, issuer, audience, keys) without echoing the token, its
 * claims or the values the service expects.
 *
 * <p>Payara's MicroProfile JWT refuses a token without saying why, so the class is found here by
 * reading the token's claims unverified, against the same settings Payara checks. That reading only
 * ever names a reason; whether the token is accepted is the verifier's alone ({@link
 * KeptKeyVerifier} on Payara, SmallRye JWT on WildFly; and the {@link #NOT_YET_VALID} check before
 * it, which can only refuse).
 */
enum TokenRefusal {
  EMPTY("The bearer token is empty."),
  MALFORMED("The bearer token is not a signed JWT."),
  MISSING_CLAIM("The bearer token lacks a required claim (iss, sub, exp, iat or jti)."),
  EXPIRED("The bearer token has expired."),
  NOT_YET_VALID(
      "The bearer token is not valid yet: it was issued, or becomes valid, in the future."),
  ISSUER("The bearer token's issuer is not accepted."),
  AUDIENCE(
      "The bearer token's audience is not accepted (with Keycloak: the realm needs an audience"
          + " mapper for this service's audience)."),
  SIGNATURE("The bearer token's signature or algorithm is not accepted.");

  /** The setting, in seconds, by which {@code exp} and {@code iat} may be off; default 30. */
  static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";

  static final String AUDIENCES = "mp.jwt.verify.audiences";

  static final String VERIFY_ISSUER = "mp.jwt.verify.issuer";

  private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final String message;

  TokenRefusal(String message) {
    this.message = message;
  }

  /** The class as a metric tag: {@code expired}, {@code not_yet_valid}, ... */
  String reason() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The sentence for the 401's {@code message}. */
  String message() {
    return message;
  }

  /**
   * What a token is checked against: the issuer and audiences Payara checks, and the clock skew it
   * allows on {@code exp} (and this class on {@code iat} and {@code nbf}).
   */
  record Checks(Optional<String> issuer, Set<String> audiences, Duration clockSkew) {

    /** The checks of the application's configuration. */
    static Checks from(Config config) {
      long skew = config.getOptionalValue(CLOCK_SKEW, Long.class).orElse(30L);
      if (skew < 0) {
        throw new IllegalArgumentException(CLOCK_SKEW + " must not be negative");
      }
      return new Checks(
          setting(config, VERIFY_ISSUER),
          setting(config, AUDIENCES)
              .map(
                  list ->
                      Arrays.stream(list.split(","))
                          .map(String::strip)
                          .filter(audience -> !audience.isEmpty())
                          .collect(Collectors.toUnmodifiableSet()))
              .orElse(Set.of()),
          Duration.ofSeconds(skew));
    }

    /** A setting, stripped; none when it is missing or blank. */
    static Optional<String> setting(Config config, String name) {
      return config
          .getOptionalValue(name, String.class)
          .map(String::strip)
          .filter(value -> !value.isEmpty());
    }
  }

  /**
   * Whether a token issued at {@code issuedAt}, or valid from {@code notBefore} (either may be
   * null), says so for a time later than the clock skew from now. MP-JWT checks {@code exp} only;
   * the mechanism refuses such a token once Payara has verified it.
   */
  static boolean notYetValid(Instant issuedAt, Instant notBefore, Checks checks, Instant now) {
    Instant latest = now.plus(checks.clockSkew());
    return Stream.of(issuedAt, notBefore).anyMatch(time -> time != null && time.isAfter(latest));
  }

  /** Why Payara refused the token (the first class that applies). */
  static TokenRefusal of(String token, Checks checks, Instant now) {
    if (token == null || token.isBlank()) {
      return EMPTY;
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      return MALFORMED;
    }
    if (!ACCEPTED.contains(jwt.getHeader().getAlgorithm())) {
      return SIGNATURE;
    }
    // the claims Payara requires, checked before anything else
    if (claims.getIssuer() == null
        || claims.getSubject() == null
        || claims.getExpirationTime() == null
        || claims.getIssueTime() == null
        || claims.getJWTID() == null) {
      return MISSING_CLAIM;
    }
    if (!claims.getExpirationTime().toInstant().plus(checks.clockSkew()).isAfter(now)) {
      return EXPIRED;
    }
    if (fromTheFuture(claims, checks, now)) {
      return NOT_YET_VALID;
    }
    if (checks.issuer().isPresent() && !checks.issuer().get().equals(claims.getIssuer())) {
      return ISSUER;
    }
    List<String> audience =
        Optional.ofNullable(claims.getAudience()).orElse(Collections.emptyList());
    if (!checks.audiences().isEmpty()
        && audience.stream().noneMatch(checks.audiences()::contains)) {
      return AUDIENCE;
    }
    return SIGNATURE;
  }

  private static boolean fromTheFuture(JWTClaimsSet claims, Checks checks, Instant now) {
    return notYetValid(
        instant(claims.getIssueTime()), instant(claims.getNotBeforeTime()), checks, now);
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }
}
