package org.hse.api.query;

import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named parameters of one JPQL query, numbered in the order the text names them, so that two
 * queries of one shape have one text (EclipseLink translates a text once and keeps it in its parse
 * cache); a scope's tenants are one parameter however often the text names them.
 */
final class Jpql implements Binder {

  private static final String TENANTS = "tenants";

  private final Map<String, Object> values = new LinkedHashMap<>();

  /** A new parameter holding this value (a collection for {@code IN}), as the text names it. */
  @Override
  public String value(Object value) {
    String name = "p" + values.size();
    values.put(name, value);
    return ":" + name;
  }

  /** The scope's tenants, one parameter however often the text names them. */
  @Override
  public String tenants(Set<String> tenants) {
    values.put(TENANTS, tenants);
    return ":" + TENANTS;
  }

  /** The query with every value this text named bound to it. */
  <Q extends Query> Q bind(Q query) {
    values.forEach(query::setParameter);
    return query;
  }
}
