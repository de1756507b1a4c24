package org.hse.api.tenancy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.hse.api.boundary.V2Store;
import org.hse.api.boundary.WrittenByAdmins;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.control.OfficeModel;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Project;

/** Offices: admins write them, each inside one project. */
@Stateless
@WrittenByAdmins
public class Offices extends V2Store<Office> {

  @Inject OfficeModel model;

  @Override
  protected ResourceModel<Office> model() {
    return model;
  }

  @Override
  protected void resolve(Office item, ItemInput<Office> input, Caller caller, FieldErrors errors) {
    if (item.getProject() == null && input.has(OfficeModel.PROJECT_ID)) {
      item.setProject(
          reference(Project.class, input, OfficeModel.PROJECT_ID, caller, errors, Project::getId));
    }
  }
}
