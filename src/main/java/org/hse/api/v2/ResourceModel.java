package org.hse.api.v2;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the shared v2 verbs need to know about one resource: its name in paths and previews,
 * its entity, its fields, where its tenant is, which relations to fetch with it, and which other
 * resources it belongs to (so that deleting one of those deletes it too).
 */
public interface ResourceModel<E extends Audited> {

  /** The resource name in paths and delete previews, e.g. {@code incident-action}. */
  String type();

  Class<E> entityClass();

  List<Field<E>> fields();

  /** JPA path of the project id that scopes every query, e.g. {@code project.id}. */
  String tenantPath();

  /** The project id an item belongs to. */
  String tenantOf(E item);

  /** The to-one relations fetched with every item, so a page costs one query. */
  List<String> fetches();

  /**
   * The resources this one depends on, by type, with the JPA path to that parent's id, e.g. {@code
   * incident -> incident.id}: deleting such a parent deletes this item.
   */
  Map<String, String> parents();

  /** A short human label for a delete preview, e.g. {@code ACT-7 Fire drill}. */
  String label(E item);

  default Field<E> idField() {
    return fields().stream().filter(f -> f.access() == Access.KEY).findFirst().orElseThrow();
  }

  default Optional<Field<E>> field(String name) {
    return fields().stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
