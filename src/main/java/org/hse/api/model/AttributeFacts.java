package org.hse.api.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the mapping and the validation rules already say about an attribute path, so that queries
 * need not be told twice. A path always has a value when every step of it does: an id, a relation
 * that is not optional, or a property that Bean Validation declares {@code @NotNull}.
 */
@ApplicationScoped
public class AttributeFacts {

  @PersistenceUnit EntityManagerFactory persistence;

  @Inject Validator validator;

  private final Map<String, Boolean> neverMissing = new ConcurrentHashMap<>();

  /** Whether the dotted attribute path from this entity can never be null. */
  public boolean neverMissing(Class<?> entity, String path) {
    return neverMissing.computeIfAbsent(
        entity.getName() + ':' + path, key -> resolveNeverMissing(entity, path));
  }

  private boolean resolveNeverMissing(Class<?> entity, String path) {
    ManagedType<?> type = persistence.getMetamodel().managedType(entity);
    for (String segment : path.split("\\.")) {
      Attribute<?, ?> attribute = type.getAttribute(segment);
      if (!(attribute instanceof SingularAttribute<?, ?> singular)) {
        return false;
      }
      if (!singular.isId() && singular.isOptional() && !declaredNotNull(attribute)) {
        return false;
      }
      if (singular.getType() instanceof ManagedType<?> next) {
        type = next;
      }
    }
    return true;
  }

  private boolean declaredNotNull(Attribute<?, ?> attribute) {
    PropertyDescriptor property =
        validator
            .getConstraintsForClass(attribute.getDeclaringType().getJavaType())
            .getConstraintsForProperty(attribute.getName());
    return property != null
        && property.getConstraintDescriptors().stream()
            .anyMatch(c -> c.getAnnotation().annotationType() == NotNull.class);
  }
}
