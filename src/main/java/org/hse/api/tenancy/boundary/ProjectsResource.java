package org.hse.api.tenancy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.boundary.ItemRules;
import org.hse.api.http.V2Resource;
import org.hse.api.tenancy.entity.Project;

/** {@code /v2/project}: the five verbs over projects. */
@Path("v2/project")
@ApplicationScoped
public class ProjectsResource extends V2Resource<Project> {

  @Inject ProjectRules rules;

  @Override
  protected ItemRules<Project> rules() {
    return rules;
  }
}
