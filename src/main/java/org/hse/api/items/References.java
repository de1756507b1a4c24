package org.hse.api.items;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ForbiddenException;
import java.util.function.Function;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.query.TenantScope;

/**
 * The items one create or update names, looked up in the caller's tenant scope, in the write's own
 * transaction: what {@link ReferenceRules#resolve} uses to find them, so that no feature reads the
 * database or the caller's tenants its own way.
 */
public final class References {

  private final EntityManager em;
  private final TenantScope scope;
  private final ItemInput<?> input;
  private final FieldErrors errors;

  References(EntityManager em, TenantScope scope, ItemInput<?> input, FieldErrors errors) {
    this.em = em;
    this.scope = scope;
    this.input = input;
    this.errors = errors;
  }

  /**
   * The item the reference field names, when it exists and the caller may see it ({@code tenantOf}
   * tells its project); otherwise a field error on that field and null. Null too when the input
   * gives the field no value.
   */
  public <R> R find(Class<R> type, String field, Function<R, String> tenantOf) {
    Object id = input.get(field);
    if (id == null) {
      return null;
    }
    R found = em.find(type, id);
    if (found == null || !scope.sees(tenantOf.apply(found))) {
      errors.add(field, "does not name an item you can see");
      return null;
    }
    return found;
  }

  /** Refuses a create or update whose tenant field names a project the caller lacks (403). */
  public void requireTenant(String field) {
    Object tenant = input.get(field);
    if (tenant != null && !scope.sees((String) tenant)) {
      throw new ForbiddenException("You may not write items of project " + tenant + ".");
    }
  }

  /**
   * The write's persistence context, for a feature that reads the items it names in fewer
   * statements than one {@link #find} each: what it loads there, {@link #find} then finds without a
   * statement.
   */
  public EntityManager em() {
    return em;
  }
}
