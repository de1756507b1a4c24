package org.hse.api.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * How the values of a field are read from a client and written back: the {@link Kind} that parses
 * and matches them, the Java type an entity holds them as, and for {@link Kind#ENUM} the allowed
 * names. A field's getter, setter and metamodel attribute share its {@code V}, so a field whose
 * attribute holds another type does not compile.
 *
 * @param kind how the value is parsed, written and matched
 * @param type the Java type of the value
 * @param values the allowed names of an {@link Kind#ENUM} value, empty otherwise
 */
public record Codec<V>(Kind kind, Class<V> type, List<String> values) {

  public static final Codec<String> UUID = new Codec<>(Kind.UUID, String.class, List.of());
  public static final Codec<String> TEXT = new Codec<>(Kind.TEXT, String.class, List.of());
  public static final Codec<String> JSON = new Codec<>(Kind.JSON, String.class, List.of());
  public static final Codec<LocalDate> DATE = new Codec<>(Kind.DATE, LocalDate.class, List.of());
  public static final Codec<LocalDateTime> TIMESTAMP =
      new Codec<>(Kind.TIMESTAMP, LocalDateTime.class, List.of());
  public static final Codec<Integer> INTEGER = new Codec<>(Kind.INTEGER, Integer.class, List.of());

  public Codec {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(type);
    values = List.copyOf(values);
    if (kind == Kind.ENUM && values.isEmpty()) {
      throw new IllegalArgumentException("an enum codec needs its values");
    }
  }

  /** One of a fixed set of names. */
  public static Codec<String> oneOf(List<String> names) {
    return new Codec<>(Kind.ENUM, String.class, names);
  }

  /**
   * The codec a filter condition on this field is read with: as the field's own, except that a
   * substring filter on a field holding JSON documents takes any fragment of text.
   */
  public Codec<V> asFilter() {
    return kind == Kind.JSON ? new Codec<>(Kind.TEXT, type, values) : this;
  }

  /** The value as this codec's type: what {@link Values} parsed for it, or null. */
  V cast(Object value) {
    return type.cast(value);
  }
}
