package org.hse.api.query;

import java.util.Optional;
import java.util.Set;
import org.hse.api.security.Caller;

/**
 * The tenants (projects) a caller's reads and writes are confined to, and the one place that says
 * so in a query: every search, view, history, change feed, count, reference and delete preview asks
 * it for its tenant condition ({@link #condition}), in JPQL and in SQL alike, or whether the caller
 * {@link #sees} an item it found by its key. An admin's scope is every tenant; a reader's or
 * writer's, the tenants of the token, none when it names none.
 *
 * <p>Isolation is the product's first promise; with one owner, a query that forgets it is a query
 * that never asked here, which {@code TenantScopeTest} looks for in the sources and {@code
 * BoundaryIT} proves on the SQL each query kind runs.
 */
public final class TenantScope {

  /** Every tenant: an admin's scope. */
  public static final TenantScope EVERY_TENANT = new TenantScope(null);

  /** The tenants, or null for every tenant. */
  private final Set<String> tenants;

  private TenantScope(Set<String> tenants) {
    this.tenants = tenants;
  }

  /** The scope of this caller: every tenant for an admin, otherwise the token's tenants. */
  public static TenantScope of(Caller caller) {
    return caller.isAdmin() ? EVERY_TENANT : new TenantScope(Set.copyOf(caller.tenants()));
  }

  /** Whether the scope is every tenant, so that a query needs no tenant condition. */
  public boolean isEveryTenant() {
    return tenants == null;
  }

  /** Whether the scope holds no tenant, so that there is nothing to read. */
  public boolean isEmpty() {
    return tenants != null && tenants.isEmpty();
  }

  /** Whether the scope is exactly one tenant: a query may then lead its order by the tenant. */
  public boolean isOneTenant() {
    return tenants != null && tenants.size() == 1;
  }

  /** Whether an item of this tenant is in the scope. */
  public boolean sees(String tenant) {
    return tenants == null || (tenant != null && tenants.contains(tenant));
  }

  /**
   * The condition that the tenant read at {@code path} (a JPQL path or an SQL column) is in the
   * scope, its values named by the query's own {@code binder}; empty for every tenant.
   */
  Optional<String> condition(String path, Binder binder) {
    return tenants == null
        ? Optional.empty()
        : Optional.of(path + " IN " + binder.tenants(tenants));
  }

  /** The condition as a clause to append: {@code " AND <condition>"}, or nothing. */
  String and(String path, Binder binder) {
    return condition(path, binder).map(condition -> " AND " + condition).orElse("");
  }

  @Override
  public String toString() {
    return tenants == null ? "every tenant" : "tenants " + tenants;
  }
}
