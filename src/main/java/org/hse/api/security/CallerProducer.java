package org.hse.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.NotAuthorizedException;
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
 * cannot be proxied for a normal scope such as {@code @RequestScoped}. Inject it into JAX-RS
 * resources (created per request), or use {@code Instance<Caller>} in longer-lived beans. Without a
 * verified token it throws {@code NotAuthorizedException("Bearer")}.
 */
@ApplicationScoped
public class CallerProducer {

  @Inject JsonWebToken token;

  @Produces
  public Caller caller() {
    if (token == null || token.getRawToken() == null) {
      throw new NotAuthorizedException("Bearer");
    }
    return fromToken(token);
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
