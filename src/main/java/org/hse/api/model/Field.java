package org.hse.api.model;

import jakarta.persistence.metamodel.SingularAttribute;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One field of a resource as a client sees it: its JSON name, the metamodel attributes it is read
 * from, its codec, what a client may do with it, whether a create must give it, and whether it is a
 * sort key. A resource declares its fields with {@link Fields}, whose methods tie the attribute,
 * the codec, the getter and the setter to one value type; the shared verbs then read and write
 * every field alike.
 */
public final class Field<E> {

  private final String name;
  private final AttributePath<E, ?> attributes;
  private final String path;
  private final Codec<?> codec;
  private final Access access;
  private final Sort sort;
  private final boolean required;
  private final Function<E, ?> getter;
  private final BiConsumer<E, Object> setter;

  /**
   * @param name the JSON name, letter for letter as in the contract
   * @param attributes where the value is read from
   * @param codec how the value is parsed, written and matched
   * @param access what a create or update may do with it
   * @param sort whether {@code sort} accepts it
   * @param required whether a create must give it (see {@link Fields})
   * @param getter reads the value from an entity, for the JSON item
   * @param setter writes a bound value into an entity; null where the resource resolves the field
   *     itself (references) or where it is read-only
   */
  <V> Field(
      String name,
      AttributePath<E, V> attributes,
      Codec<V> codec,
      Access access,
      Sort sort,
      boolean required,
      Function<E, V> getter,
      BiConsumer<E, V> setter) {
    this.name = Objects.requireNonNull(name);
    this.attributes = Objects.requireNonNull(attributes);
    this.path = attributes.dotted();
    this.codec = Objects.requireNonNull(codec);
    this.access = Objects.requireNonNull(access);
    this.sort = Objects.requireNonNull(sort);
    this.required = required;
    this.getter = Objects.requireNonNull(getter);
    this.setter = setter == null ? null : (item, value) -> setter.accept(item, codec.cast(value));
  }

  public String name() {
    return name;
  }

  /** The JPA attribute path from the entity, dotted through to-one relations. */
  public String path() {
    return path;
  }

  /** The metamodel attributes of {@link #path()}, from the entity's own. */
  public List<SingularAttribute<?, ?>> attributes() {
    return attributes.attributes();
  }

  /**
   * The to-one relation whose id this field is, for a reference such as {@code office_incident_id}
   * ({@code incident.id}); empty for the item's own columns and for names read through a relation
   * ({@code incident.name}).
   */
  public Optional<SingularAttribute<?, ?>> referenced() {
    List<SingularAttribute<?, ?>> path = attributes();
    return path.size() == 2 && path.get(1).isId() ? Optional.of(path.get(0)) : Optional.empty();
  }

  /** The entity property a create or update writes: the first attribute of the path. */
  public String property() {
    return attributes().get(0).getName();
  }

  public Codec<?> codec() {
    return codec;
  }

  public Kind kind() {
    return codec.kind();
  }

  /** The allowed names of an {@link Kind#ENUM} field, empty otherwise. */
  public List<String> values() {
    return codec.values();
  }

  public Access access() {
    return access;
  }

  public boolean sortable() {
    return sort == Sort.SORTABLE;
  }

  /** Whether a create must give a value: not null, and for text not only blanks. */
  public boolean required() {
    return required;
  }

  /** Whether an update may give another value than the item has. */
  public boolean fixed() {
    return access == Access.FIXED;
  }

  /** The item's value of this field. */
  public Object get(E item) {
    return getter.apply(item);
  }

  /** Whether a bound value is written into the item here, rather than resolved by the boundary. */
  public boolean settable() {
    return setter != null;
  }

  /** Writes a value bound by {@link ItemInput}, of this field's codec type, into the item. */
  public void set(E item, Object value) {
    setter.accept(item, value);
  }

  @Override
  public String toString() {
    return name + " (" + path + ")";
  }
}
