package org.hse.api.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** A small builder for a resource's field table, so each resource reads as a declaration. */
public final class Fields<E> {

  private final List<Field<E>> fields = new ArrayList<>();

  /** The item's id: supplied or generated on create, never changed, sorted as the tie-breaker. */
  public Fields<E> key(String name, boolean sortable, Function<E, Object> getter) {
    return add(name, "id", Kind.UUID, Access.KEY, sortable, getter, null);
  }

  /** A field the server computes or joins in: a filter, maybe a sort key, never written. */
  public Fields<E> readOnly(
      String name, String path, Kind kind, boolean sortable, Function<E, Object> getter) {
    return add(name, path, kind, Access.READ_ONLY, sortable, getter, null);
  }

  public Fields<E> readOnlyEnum(
      String name, String path, List<String> values, boolean sortable, Function<E, Object> getter) {
    fields.add(
        new Field<>(name, path, Kind.ENUM, Access.READ_ONLY, sortable, values, getter, null));
    return this;
  }

  /** A reference to another item, resolved by the resource's boundary rather than set directly. */
  public Fields<E> reference(
      String name, String path, Access access, boolean sortable, Function<E, Object> getter) {
    return add(name, path, Kind.UUID, access, sortable, getter, null);
  }

  public Fields<E> add(
      String name,
      String path,
      Kind kind,
      Access access,
      boolean sortable,
      Function<E, Object> getter,
      BiConsumer<E, Object> setter) {
    fields.add(new Field<>(name, path, kind, access, sortable, List.of(), getter, setter));
    return this;
  }

  public Fields<E> addEnum(
      String name,
      String path,
      List<String> values,
      Access access,
      boolean sortable,
      Function<E, Object> getter,
      BiConsumer<E, Object> setter) {
    fields.add(new Field<>(name, path, Kind.ENUM, access, sortable, values, getter, setter));
    return this;
  }

  /** Ends the table with {@code created_at} and {@code updated_at}, which every item carries. */
  public List<Field<E>> buildAudited() {
    return readOnly(
            "created_at", "createdAt", Kind.TIMESTAMP, true, e -> ((Audited) e).getCreatedAt())
        .readOnly(
            "updated_at", "updatedAt", Kind.TIMESTAMP, true, e -> ((Audited) e).getUpdatedAt())
        .build();
  }

  public List<Field<E>> build() {
    return List.copyOf(fields);
  }
}
