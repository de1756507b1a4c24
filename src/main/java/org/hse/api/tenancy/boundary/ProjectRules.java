package org.hse.api.tenancy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hse.api.boundary.ItemRules;
import org.hse.api.boundary.References;
import org.hse.api.boundary.WrittenBy;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.ProjectModel;
import org.hse.api.tenancy.entity.Project;

/** Projects: admins write them; a reader or writer sees the projects of the token's tenants. */
@ApplicationScoped
public class ProjectRules implements ItemRules<Project> {

  @Inject ProjectModel model;

  @Override
  public ResourceModel<Project> model() {
    return model;
  }

  @Override
  public WrittenBy writtenBy() {
    return WrittenBy.ADMINS;
  }

  @Override
  public void resolve(
      Project item, ItemInput<Project> input, FieldErrors errors, References references) {
    // a project names no other item
  }
}
