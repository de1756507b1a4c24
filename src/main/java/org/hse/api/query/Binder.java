package org.hse.api.query;

import java.util.Set;

/** Names the values of a query's text as its parameters, in JPQL or in SQL. */
interface Binder {

  /** A parameter holding this value, as the text names it; a collection for {@code IN}. */
  String value(Object value);

  /**
   * The tenants of a {@link TenantScope}, as the text names them: one more value, unless the query
   * names them once however often they appear.
   */
  default String tenants(Set<String> tenants) {
    return value(tenants);
  }
}
