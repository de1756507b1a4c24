package org.hse.bench.peer.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of this request as its verified token says (SmallRye JWT, the product's issuer and
 * keys): the roles of {@code groups}, which {@code @RolesAllowed} checks, and the projects of
 * {@code tenants}, the caller's tenant scope. An admin sees every tenant; a reader or writer the
 * token's, none when it names none. Every read and write of the peer asks here, so that no query
 * forgets the scope.
 */
@RequestScoped
public class Caller {

  public static final String READER = "reader";
  public static final String WRITER = "writer";
  public static final String ADMIN = "admin";

  @Inject JsonWebToken token;

  private Set<String> tenants;

  /** Whether the caller sees every tenant. */
  public boolean isAdmin() {
    return token.getGroups().contains(ADMIN);
  }

  /** The projects the caller may see and write; meaningless for an admin, who sees them all. */
  public Set<String> tenants() {
    if (tenants == null) {
      tenants = strings(token.getClaim("tenants"));
    }
    return tenants;
  }

  /** Whether the caller sees nothing at all: not an admin, and a token without tenants. */
  public boolean seesNothing() {
    return !isAdmin() && tenants().isEmpty();
  }

  /** Whether an item of this project is in the caller's scope. */
  public boolean sees(String project) {
    return isAdmin() || tenants().contains(project);
  }

  /**
   * A claim of strings as SmallRye hands it over: a JSON array (the built-in endpoint and Keycloak
   * send one), a collection or a single string.
   */
  private static Set<String> strings(Object claim) {
    Set<String> values = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString text) {
          values.add(text.getString());
        }
      }
    } else if (claim instanceof Collection<?> collection) {
      collection.forEach(value -> values.add(String.valueOf(value)));
    } else if (claim instanceof JsonString text) {
      values.add(text.getString());
    } else if (claim instanceof String text) {
      values.add(text);
    }
    return Set.copyOf(values);
  }
}
