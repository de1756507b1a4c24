package org.hse.api.model;

import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hse.api.persistence.Audited;
import org.hse.api.persistence.Audited_;

/**
 * A builder for a resource's field table, so each resource reads as a declaration ({@link
 * ResourceModel#declare}).
 *
 * <p>Whether a create must give a writable field is read from the entity, where Bean Validation
 * enforces it: the attribute the field writes is {@link NotNull}, and a new item has no value for
 * it (a status that starts as {@code new} is {@code @NotNull} but optional). So the 422 of a
 * missing value and the OpenAPI document's {@code required} come from the one annotation.
 */
public final class Fields<E extends Audited> {

  /** When the item was created (UTC), a field of every resource. */
  public static final String CREATED_AT = "created_at";

  /** When the item was last changed (UTC), a field of every resource. */
  public static final String UPDATED_AT = "updated_at";

  private final E newItem;
  private final List<Field<E>> fields = new ArrayList<>();

  /**
   * @param newItem an item as a create starts it, before the client's values: what has a default
   */
  Fields(E newItem) {
    this.newItem = newItem;
  }

  /** The item's id: supplied or generated on create, never changed, sorted as the tie-breaker. */
  public Fields<E> key(
      String name, SingularAttribute<? super E, String> id, Sort sort, Function<E, String> getter) {
    return add(name, AttributePath.of(id), Codec.UUID, Access.KEY, sort, getter, null);
  }

  /** A field a create may give and an update may change. */
  public <V> Fields<E> changeable(
      String name,
      SingularAttribute<? super E, V> attribute,
      Codec<V> codec,
      Sort sort,
      Function<E, V> getter,
      BiConsumer<E, V> setter) {
    return add(name, AttributePath.of(attribute), codec, Access.CHANGEABLE, sort, getter, setter);
  }

  /** A field a create gives and an update may only repeat. */
  public <V> Fields<E> fixed(
      String name,
      SingularAttribute<? super E, V> attribute,
      Codec<V> codec,
      Sort sort,
      Function<E, V> getter,
      BiConsumer<E, V> setter) {
    return add(name, AttributePath.of(attribute), codec, Access.FIXED, sort, getter, setter);
  }

  /**
   * A reference to another item by its id, at the relation's id ({@code incident.id}): resolved by
   * the resource's boundary rather than set directly.
   */
  public <R extends Audited> Fields<E> reference(
      String name,
      SingularAttribute<? super E, R> relation,
      SingularAttribute<? super R, String> id,
      Access access,
      Sort sort,
      Function<E, R> getter) {
    return add(
        name,
        AttributePath.via(relation, id),
        Codec.UUID,
        access,
        sort,
        item -> Audited.idOf(getter.apply(item)),
        null);
  }

  /**
   * A field of the item a relation names, joined in: a filter, maybe a sort key, never written; its
   * path and its value follow the relation.
   */
  public <R, V> Fields<E> joined(
      String name,
      Relation<E, R> relation,
      SingularAttribute<? super R, V> attribute,
      Codec<V> codec,
      Sort sort,
      Function<R, V> getter) {
    return readOnly(
        name,
        AttributePath.via(relation.attribute(), attribute),
        codec,
        sort,
        item -> getter.apply(relation.getter().apply(item)));
  }

  /** A field the server computes or joins in: a filter, maybe a sort key, never written. */
  public <V> Fields<E> readOnly(
      String name, AttributePath<E, V> path, Codec<V> codec, Sort sort, Function<E, V> getter) {
    return add(name, path, codec, Access.READ_ONLY, sort, getter, null);
  }

  /**
   * Adds the fields that several resources declare alike, such as those joined from an item's
   * project, where the declaration stands in the order the items show them.
   */
  public Fields<E> with(UnaryOperator<Fields<E>> declarations) {
    return declarations.apply(this);
  }

  private <V> Fields<E> add(
      String name,
      AttributePath<E, V> path,
      Codec<V> codec,
      Access access,
      Sort sort,
      Function<E, V> getter,
      BiConsumer<E, V> setter) {
    boolean required =
        access != Access.KEY
            && access.writable()
            && declaredNotNull(path.attributes().get(0))
            && getter.apply(newItem) == null;
    fields.add(new Field<>(name, path, codec, access, sort, required, getter, setter));
    return this;
  }

  private boolean declaredNotNull(SingularAttribute<?, ?> attribute) {
    for (Class<?> type = newItem.getClass(); type != null; type = type.getSuperclass()) {
      try {
        return type.getDeclaredField(attribute.getName()).isAnnotationPresent(NotNull.class);
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new IllegalArgumentException(
        newItem.getClass().getSimpleName() + " declares no " + attribute.getName());
  }

  /** The table, ended with {@code created_at} and {@code updated_at}, which every item carries. */
  List<Field<E>> build() {
    readOnly(
        CREATED_AT,
        AttributePath.of(Audited_.createdAt),
        Codec.TIMESTAMP,
        Sort.SORTABLE,
        Audited::getCreatedAt);
    readOnly(
        UPDATED_AT,
        AttributePath.of(Audited_.updatedAt),
        Codec.TIMESTAMP,
        Sort.SORTABLE,
        Audited::getUpdatedAt);
    return List.copyOf(fields);
  }
}
