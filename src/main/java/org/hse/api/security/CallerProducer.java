package org.hse.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces the {@link Caller} of the current request from its verified MicroProfile JWT: {@code
 * upn} (else {@code preferred_username}, else the token's name) is the user name, {@code groups}
 * the roles and {@code tenants} the project ids.
 *
 * <p>The product is {@code @Dependent}: {@code Caller} is a record, hence final, and a final type
 * cannot be proxied for a normal scope such as {@code @RequestScoped}. Inject it where a bean is
 * created per request; JAX-RS resources, which live as long as the application, use {@link
 * #of(Principal)} with the request's principal. Without a verified token both throw {@code
 * NotAuthorizedException("Bearer")}.
 */
@ApplicationScoped
public class CallerProducer {

  @Inject JsonWebToken token;

  @Inject SecurityContext security;

  /**
   * The caller of this request: from a verified token among the caller's principals (the one that
   * {@link KeptKeyVerifier} verified on Payara, or the server's), else from the server's {@code
   * JsonWebToken}.
   */
  @Produces
  public Caller caller() {
    for (JsonWebToken verified : security.getPrincipalsByType(JsonWebToken.class)) {
      if (verified.getRawToken() != null) {
        return fromToken(verified);
      }
    }
    if (token == null || token.getRawToken() == null) {
      throw new NotAuthorizedException("Bearer");
    }
    return fromToken(token);
  }

  /**
   * The caller whose verified token is this request's principal, as JAX-RS's {@code
   * SecurityContext.getUserPrincipal()} gives it (MP-JWT makes the token that principal). Reading
   * the claims from the principal itself spares the request-scoped proxy of {@code JsonWebToken},
   * which Payara resolves again on every claim it is asked for.
   */
  public static Caller of(Principal principal) {
    return fromToken(verified(principal));
  }

  /**
   * The verified token that is this request's principal, its claims not read yet; {@code
   * NotAuthorizedException("Bearer")} when there is none.
   */
  public static JsonWebToken verified(Principal principal) {
    if (!(principal instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
      throw new NotAuthorizedException("Bearer");
    }
    return jwt;
  }

  static Caller fromToken(JsonWebToken jwt) {
    String username = text(jwt.getClaim("upn"));
    if (username == null) {
      username = text(jwt.getClaim("preferred_username"));
    }
    if (username == null) {
      username = jwt.getName();
    }
    Set<String> roles = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    return new Caller(username, roles, strings(jwt.getClaim("tenants")));
  }

  private static String text(Object value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  /** A claim as strings: a JSON array, a collection or a single string. */
  static Set<String> strings(Object claim) {
    Set<String> result = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString s) {
          result.add(s.getString());
        }
      }
    } else if (claim instanceof Collection<?> collection) {
      for (Object value : collection) {
        String s = text(value);
        if (s != null) {
          result.add(s);
        }
      }
    } else {
      String s = text(claim);
      if (s != null) {
        result.add(s);
      }
    }
    return result;
  }
}
