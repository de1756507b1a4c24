package org.hse.api.security;

import java.util.Set;

/**
 * Who is calling: the user name, the roles of the {@code groups} claim and the project ids of the
 * {@code tenants} claim. Resources pass it to the boundaries, which scope every query with it.
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

  public boolean canWrite() {
    return isAdmin() || roles.contains(WRITER);
  }

  public boolean canRead() {
    return canWrite() || roles.contains(READER);
  }

  /** Whether the caller may see items of this project; an admin sees every project. */
  public boolean sees(String tenantId) {
    return isAdmin() || tenants.contains(tenantId);
  }
}
