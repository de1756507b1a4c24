package org.hse.api.query;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The positional parameters of one native statement; a collection is one per element. */
final class SqlParameters implements Binder {

  private final List<Object> values = new ArrayList<>();

  @Override
  public String value(Object value) {
    if (value instanceof Collection<?> many) {
      List<String> names = new ArrayList<>();
      many.forEach(one -> names.add(value(one)));
      return "(" + String.join(", ", names) + ")";
    }
    values.add(value);
    return "?" + values.size();
  }

  Query bind(Query query) {
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(i + 1, values.get(i));
    }
    return query;
  }
}
