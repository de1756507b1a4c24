package org.hse.api.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.security.enterprise.CallerPrincipal;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token {@link KeptKeyVerifier} has verified, as the request's principal: a {@link
 * CallerPrincipal} for Jakarta Security and a {@link JsonWebToken} for the code that reads claims
 * ({@link CallerProducer}), as Payara's own principal is both. Claims have the types MicroProfile
 * JWT gives them: the times in seconds ({@code Long}), {@code aud} and {@code groups} as sets of
 * strings, {@code raw_token} the token itself.
 */
final class VerifiedToken extends CallerPrincipal implements JsonWebToken {

  private static final long serialVersionUID = 1L;

  private final String rawToken;
  private final JWTClaimsSet claims;
  private final Set<String> groups;

  VerifiedToken(String rawToken, JWTClaimsSet claims) {
    super(callerName(claims));
    this.rawToken = rawToken;
    this.claims = claims;
    this.groups = strings(claims.getClaim(Claims.groups.name()));
  }

  /**
   * MicroProfile JWT's caller name: {@code upn}, else {@code preferred_username}, else {@code sub}.
   */
  private static String callerName(JWTClaimsSet claims) {
    for (Claims claim : new Claims[] {Claims.upn, Claims.preferred_username, Claims.sub}) {
      if (claims.getClaim(claim.name()) instanceof String name) {
        return name;
      }
    }
    return claims.getSubject();
  }

  @Override
  public String getName() {
    return super.getName();
  }

  @Override
  public Set<String> getClaimNames() {
    Set<String> names = new LinkedHashSet<>(claims.getClaims().keySet());
    names.add(Claims.raw_token.name());
    return names;
  }

  @Override
  public Set<String> getGroups() {
    return groups;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String claimName) {
    if (Claims.raw_token.name().equals(claimName)) {
      return (T) rawToken;
    }
    if (Claims.groups.name().equals(claimName)) {
      return (T) groups;
    }
    Object value = claims.getClaim(claimName);
    if (Claims.aud.name().equals(claimName) && value != null) {
      return (T) strings(value);
    }
    if (value instanceof Date date) {
      return (T) Long.valueOf(date.getTime() / 1000);
    }
    return (T) value;
  }

  private static Set<String> strings(Object value) {
    return Set.copyOf(CallerProducer.strings(value));
  }
}
