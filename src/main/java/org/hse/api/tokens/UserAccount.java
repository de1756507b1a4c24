package org.hse.api.tokens;

import java.util.List;
import java.util.Objects;

/**
 * One user of the built-in token endpoint, as read from the users file.
 *
 * @param username the login name, put into the {@code upn} claim
 * @param passwordHash the PBKDF2 hash, see {@link PasswordHash}
 * @param roles the roles, put into the {@code groups} claim
 * @param tenants the project ids, put into the {@code tenants} claim
 */
public record UserAccount(
    String username, String passwordHash, List<String> roles, List<String> tenants) {

  public UserAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    roles = List.copyOf(roles);
    tenants = List.copyOf(tenants);
  }

  @Override
  public String toString() {
    return "UserAccount[username=" + username + ", roles=" + roles + ", tenants=" + tenants + "]";
  }
}
