package org.hse.api.tenancy.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.http.V2Resource;
import org.hse.api.items.ItemVerbs;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.ProjectModel;
import org.hse.api.tenancy.entity.Project;

/** {@code /v2/project}: the five verbs over projects, each one call of {@link Projects}. */
@Path("v2/project")
@ApplicationScoped
public class ProjectsResource extends V2Resource<Project> {

  @Inject ProjectModel model;

  @EJB Projects boundary;

  @Override
  protected ResourceModel<Project> model() {
    return model;
  }

  @Override
  protected ItemVerbs<Project> boundary() {
    return boundary;
  }
}
