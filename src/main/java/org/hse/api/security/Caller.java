package org.hse.api.security;

import java.util.Set;

/**
 * Who is calling: the user name, the roles of the {@code groups} claim and the project ids of the
 * {@code tenants} claim. The roles are the container's too, which the boundaries'
 * {@code @RolesAllowed} check; resources pass the caller to the boundaries, whose every query is
 * confined to its tenants by {@code org.hse.api.query.TenantScope}, the one reader of {@link
 * #tenants()} and {@link #isAdmin()} for that purpose.
 */
public record Caller(String username, Set<String> roles, Set<String> tenants) {

  public static final String READER = "reader";
  public static final String WRITER = "writer";
  public static final String ADMIN = "admin";

  public Caller {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
  }

  public boolean isAdmin() {
    return roles.contains(ADMIN);
  }
}
