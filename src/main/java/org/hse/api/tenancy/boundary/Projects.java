package org.hse.api.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.hse.api.boundary.V2Store;
import org.hse.api.boundary.WrittenByAdmins;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.control.ProjectModel;
import org.hse.api.tenancy.entity.Project;

/** Projects: admins write them; a reader or writer sees the projects of the token's tenants. */
@Stateless
@WrittenByAdmins
public class Projects extends V2Store<Project> {

  @Inject ProjectModel model;

  @Override
  protected ResourceModel<Project> model() {
    return model;
  }

  @Override
  protected void resolve(
      Project item, ItemInput<Project> input, Caller caller, FieldErrors errors) {
    // a project names no other item
  }
}
