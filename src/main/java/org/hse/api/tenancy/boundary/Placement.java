package org.hse.api.tenancy.boundary;

import static org.hse.api.tenancy.control.PlacedModel.SUBTENANT;
import static org.hse.api.tenancy.control.PlacedModel.TENANT;

import org.hse.api.items.References;
import org.hse.api.model.FieldErrors;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Placed;
import org.hse.api.tenancy.entity.Project;

/**
 * The rule of a resource whose items sit at an office ({@code subtenant_id}) of a project ({@code
 * tenant_id}), which the rules of incidents and actions apply: both named on create, both visible
 * to the caller, the office one of the project's, neither changed later.
 */
public final class Placement {

  private Placement() {}

  /** Places a new item at the office and project its input names; leaves a stored item as it is. */
  public static void resolve(Placed item, FieldErrors errors, References references) {
    references.requireTenant(TENANT);
    if (item.getProject() != null) {
      return;
    }
    Project project = references.find(Project.class, TENANT, Project::getId);
    Office office = references.find(Office.class, SUBTENANT, Office::getProjectId);
    if (project != null && office != null && !office.getProjectId().equals(project.getId())) {
      errors.add(SUBTENANT, "must be an office of the project " + project.getId());
    }
    item.placeAt(office, project);
  }
}
