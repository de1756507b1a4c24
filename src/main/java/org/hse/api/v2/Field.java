package org.hse.api.v2;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One field of a resource as a client sees it: its JSON name, the JPA attribute path it is read
 * from, its kind, what a client may do with it, and whether it is a sort key.
 *
 * @param name the JSON name, letter for letter as in the contract
 * @param path the JPA attribute path from the entity, dotted through to-one relations
 * @param kind how it is parsed, written and matched
 * @param access what a create or update may do with it
 * @param sortable whether {@code sort} accepts it
 * @param values the allowed names of an {@link Kind#ENUM} field, empty otherwise
 * @param getter reads the value from an entity, for the JSON item
 * @param setter writes a bound value into an entity; null where the resource resolves the field
 *     itself (references) or where it is read-only
 */
public record Field<E>(
    String name,
    String path,
    Kind kind,
    Access access,
    boolean sortable,
    List<String> values,
    Function<E, Object> getter,
    BiConsumer<E, Object> setter) {

  public Field {
    Objects.requireNonNull(name);
    Objects.requireNonNull(path);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(access);
    Objects.requireNonNull(getter);
    values = List.copyOf(values);
    if (kind == Kind.ENUM && values.isEmpty()) {
      throw new IllegalArgumentException("enum field " + name + " needs its values");
    }
  }

  /** The same field read as another kind. */
  public Field<E> withKind(Kind other) {
    return new Field<>(name, path, other, access, sortable, values, getter, setter);
  }

  /** The entity property a create or update writes: the first segment of the path. */
  public String property() {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
