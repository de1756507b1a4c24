package org.hse.api.tenancy.control;

import java.util.List;
import java.util.Map;
import org.hse.api.tenancy.entity.Placed;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.v2.Access;
import org.hse.api.v2.Audited;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/**
 * The model of a resource whose items sit at an office of a project: after its own fields come
 * {@code subtenant_id} and {@code tenant_id} (fixed after creation) and the joined {@code
 * office_name}, {@code project_name} and {@code project_type}; the office and project are fetched
 * with every item, and deleting either deletes the item.
 */
public abstract class PlacedModel<E extends Placed> extends ResourceModel<E> {

  protected PlacedModel(String type, Class<E> entityClass, Fields<E> ownFields) {
    super(
        type,
        entityClass,
        "project.id",
        List.of("office", "project"),
        Map.of("project", "project.id", "office", "office.id"),
        ownFields
            .reference(
                PlacedStore.SUBTENANT,
                "office.id",
                Access.REQUIRED_FIXED,
                true,
                item -> Audited.idOf(item.getOffice()))
            .reference(
                PlacedStore.TENANT,
                "project.id",
                Access.REQUIRED_FIXED,
                true,
                item -> Audited.idOf(item.getProject()))
            .readOnly(
                "office_name", "office.name", Kind.TEXT, true, item -> item.getOffice().getName())
            .readOnly(
                "project_name",
                "project.name",
                Kind.TEXT,
                true,
                item -> item.getProject().getName())
            .readOnlyEnum(
                "project_type",
                "project.projectType",
                Project.TYPES,
                true,
                item -> item.getProject().getProjectType())
            .buildAudited());
  }

  /** An item's office is an office of the item's project (PlacedStore checks). */
  @Override
  public Map<String, String> sameTenantRelations() {
    return Map.of("office", "office.project.id");
  }

  @Override
  public String tenantOf(E item) {
    return item.getProjectId();
  }
}
