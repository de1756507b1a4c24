package org.hse.api.model;

import jakarta.persistence.metamodel.SingularAttribute;
import java.util.function.Function;

/**
 * A to-one relation of the entity {@code E}, such as {@code IncidentAction_.action}, with how an
 * item follows it ({@code IncidentAction::getAction}). The fields joined from the related item
 * ({@link Fields#joined}) name it once, so a field's path and its value follow the same relation.
 *
 * <p>Made in {@link ResourceModel#declare}, once the static metamodel is populated.
 */
public record Relation<E, R>(SingularAttribute<? super E, R> attribute, Function<E, R> getter) {}
