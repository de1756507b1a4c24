package org.hse.api.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.v2.Access;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/** The {@code project} resource: a tenant is its own project. */
@ApplicationScoped
public class ProjectModel extends ResourceModel<Project> {

  public ProjectModel() {
    super(
        "project",
        Project.class,
        "id",
        List.of(),
        Map.of(),
        new Fields<Project>()
            .key("project_id", true, Project::getId)
            .add(
                "name",
                "name",
                Kind.TEXT,
                Access.REQUIRED,
                true,
                Project::getName,
                (p, v) -> p.setName((String) v))
            .addEnum(
                "project_type",
                "projectType",
                Project.TYPES,
                Access.OPTIONAL,
                true,
                Project::getProjectType,
                (p, v) -> p.setProjectType((String) v))
            .addEnum(
                "status",
                "status",
                Project.STATUSES,
                Access.OPTIONAL,
                true,
                Project::getStatus,
                (p, v) -> p.setStatus((String) v))
            .buildAudited());
  }

  @Override
  public String tenantOf(Project item) {
    return item.getId();
  }

  @Override
  public String label(Project item) {
    return item.getName();
  }
}
