package org.hse.api.tenancy.control;

import static org.hse.api.tenancy.control.PlacedModel.SUBTENANT;
import static org.hse.api.tenancy.control.PlacedModel.TENANT;

import org.hse.api.boundary.V2Store;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Placed;
import org.hse.api.tenancy.entity.Project;

/**
 * The boundary of a resource whose items sit at an office ({@code subtenant_id}) of a project
 * ({@code tenant_id}): both named on create, both visible to the caller, the office one of the
 * project's, neither changed later.
 */
public abstract class PlacedStore<E extends Placed> extends V2Store<E> {

  @Override
  protected void resolve(E item, ItemInput<E> input, Caller caller, FieldErrors errors) {
    requireTenant(caller, input, TENANT);
    if (item.getProject() != null) {
      return;
    }
    Project project = reference(Project.class, input, TENANT, caller, errors, Project::getId);
    Office office = reference(Office.class, input, SUBTENANT, caller, errors, Office::getProjectId);
    if (project != null && office != null && !office.getProjectId().equals(project.getId())) {
      errors.add(SUBTENANT, "must be an office of the project " + project.getId());
    }
    item.placeAt(office, project);
  }
}
