package org.hse.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hse.api.TestMetamodel;
import org.hse.api.openapi.WriteDocument;
import org.hse.api.persistence.Audited;
import org.junit.jupiter.api.Test;

/**
 * Every path a resource model names resolves against the persistence unit's metamodel, from the
 * resource's entity, to an attribute of the type its field's codec reads: a renamed attribute or a
 * mistyped path fails the build here rather than a search on a server.
 */
class FieldPathsTest {

  private final Metamodel metamodel = TestMetamodel.metamodel();

  @Test
  void everyFieldResolvesToAnAttributeOfItsCodecsType() {
    for (ResourceModel<?> model : WriteDocument.models()) {
      for (Field<?> field : model.fields()) {
        Attribute<?, ?> last = resolve(model, field.path());
        assertEquals(
            field.codec().type(),
            boxed(last.getJavaType()),
            model.type() + "." + field.name() + " at " + field.path());
        assertEquals(
            field.path(),
            String.join(".", field.attributes().stream().map(SingularAttribute::getName).toList()));
      }
    }
  }

  @Test
  void theTenantParentsRelationsAndFetchesResolve() {
    for (ResourceModel<?> model : WriteDocument.models()) {
      resolve(model, model.tenantPath());
      resolve(model, model.tenantKeyPath());
      model.parents().values().forEach(path -> resolve(model, path));
      model.fetches().forEach(path -> resolve(model, path));
      model.sameTenantRelations().forEach((relation, path) -> resolve(model, path));
    }
  }

  /** What a create must give, per resource: the entity's @NotNull attributes without a default. */
  @Test
  void requiredIsWhatTheEntityDeclaresNotNullWithoutADefault() {
    Map<String, List<String>> required = new LinkedHashMap<>();
    for (ResourceModel<?> model : WriteDocument.models()) {
      List<String> names = new ArrayList<>();
      model.fields().stream().filter(Field::required).forEach(f -> names.add(f.name()));
      required.put(model.type(), names);
    }
    assertEquals(
        Map.of(
            "incident-action",
            List.of("office_incident_id", "entity_type", "entity_id", "subtenant_id", "tenant_id"),
            "incident",
            List.of("name", "date_incident", "subtenant_id", "tenant_id"),
            "action",
            List.of("action_type", "name", "subtenant_id", "tenant_id"),
            "project",
            List.of("name"),
            "office",
            List.of("project_id", "name")),
        required);
  }

  /**
   * The references (the id of a to-one relation) per resource, and among them those of which one
   * value picks out a handful of items, so that a search filtered by one reads its page in one
   * statement: a link's incident and action, and no joined name such as {@code incident_name}.
   */
  @Test
  void referencesAndTheFewThatPickAHandfulOfItems() {
    Map<String, List<String>> references = new LinkedHashMap<>();
    Map<String, List<String>> few = new LinkedHashMap<>();
    for (ResourceModel<?> model : WriteDocument.models()) {
      references.put(model.type(), names(model, false));
      few.put(model.type(), names(model, true));
    }
    assertEquals(
        Map.of(
            "incident-action",
            List.of("office_incident_id", "entity_id", "subtenant_id", "tenant_id"),
            "incident",
            List.of("subtenant_id", "tenant_id"),
            "action",
            List.of("subtenant_id", "tenant_id"),
            "project",
            List.of(),
            "office",
            List.of("project_id")),
        references);
    assertEquals(
        Map.of(
            "incident-action",
            List.of("office_incident_id", "entity_id"),
            "incident",
            List.of(),
            "action",
            List.of(),
            "project",
            List.of(),
            "office",
            List.of()),
        few);
  }

  /** The names of the model's references, or of those that pick a handful of items. */
  private static <E extends Audited> List<String> names(ResourceModel<E> model, boolean few) {
    Predicate<Field<E>> which = few ? model::picksFew : field -> field.referenced().isPresent();
    return model.fields().stream().filter(which).map(Field::name).toList();
  }

  private Attribute<?, ?> resolve(ResourceModel<?> model, String path) {
    ManagedType<?> type = metamodel.managedType(model.entityClass());
    Attribute<?, ?> attribute = null;
    for (String segment : path.split("\\.")) {
      assertTrue(type != null, model.type() + ": " + path + " goes past a value");
      attribute = type.getAttribute(segment);
      type =
          attribute instanceof SingularAttribute<?, ?> singular
                  && singular.getType() instanceof ManagedType<?> next
              ? next
              : null;
    }
    return attribute;
  }

  private static Class<?> boxed(Class<?> type) {
    return type == int.class ? Integer.class : type == long.class ? Long.class : type;
  }
}
