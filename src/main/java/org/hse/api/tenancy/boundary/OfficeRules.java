package org.hse.api.tenancy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hse.api.boundary.ItemRules;
import org.hse.api.boundary.References;
import org.hse.api.boundary.WrittenBy;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.OfficeModel;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Project;

/** Offices: admins write them, each inside one project, named on create. */
@ApplicationScoped
public class OfficeRules implements ItemRules<Office> {

  @Inject OfficeModel model;

  @Override
  public ResourceModel<Office> model() {
    return model;
  }

  @Override
  public WrittenBy writtenBy() {
    return WrittenBy.ADMINS;
  }

  @Override
  public void resolve(
      Office item, ItemInput<Office> input, FieldErrors errors, References references) {
    if (item.getProject() == null && input.has(OfficeModel.PROJECT_ID)) {
      item.setProject(references.find(Project.class, OfficeModel.PROJECT_ID, Project::getId));
    }
  }
}
