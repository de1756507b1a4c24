package org.hse.api.model;

import jakarta.persistence.metamodel.SingularAttribute;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a field is read from: JPA static metamodel attributes from the entity {@code E}, through
 * to-one relations, to a value of type {@code V}, such as {@code IncidentAction_.action} then
 * {@code Action_.code}. A renamed attribute, or one of another type, does not compile; {@link
 * #dotted()} is the path as JPQL names it.
 *
 * <p>The provider fills the static metamodel when it deploys the persistence unit, so a path is
 * made only after that ({@link ResourceModel#fields()}).
 */
public final class AttributePath<E, V> {

  private final List<SingularAttribute<?, ?>> attributes;

  private AttributePath(List<SingularAttribute<?, ?>> attributes) {
    this.attributes = List.copyOf(attributes);
  }

  /** An attribute of the entity itself. */
  public static <E, V> AttributePath<E, V> of(SingularAttribute<? super E, V> attribute) {
    return new AttributePath<>(List.of(populated(attribute)));
  }

  /** An attribute of the item a to-one relation of the entity names. */
  public static <E, R, V> AttributePath<E, V> via(
      SingularAttribute<? super E, R> relation, SingularAttribute<? super R, V> attribute) {
    return new AttributePath<>(List.of(populated(relation), populated(attribute)));
  }

  private static <A extends SingularAttribute<?, ?>> A populated(A attribute) {
    return Objects.requireNonNull(
        attribute,
        "the JPA static metamodel is not populated yet: the persistence unit must be deployed first");
  }

  /** The attributes, from the entity's own to the one that holds the value. */
  public List<SingularAttribute<?, ?>> attributes() {
    return attributes;
  }

  /** The path as JPQL names it from the entity, e.g. {@code action.code}. */
  public String dotted() {
    return attributes.stream().map(SingularAttribute::getName).collect(Collectors.joining("."));
  }

  @Override
  public String toString() {
    return dotted();
  }
}
