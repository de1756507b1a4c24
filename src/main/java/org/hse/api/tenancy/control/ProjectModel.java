package org.hse.api.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.model.Codec;
import org.hse.api.model.Fields;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Sort;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.tenancy.entity.Project_;

/** The {@code project} resource: a tenant is its own project. */
@ApplicationScoped
public class ProjectModel extends ResourceModel<Project> {

  public static final String PROJECT_ID = "project_id";

  public ProjectModel() {
    super("project", Project.class, Project::new, PROJECT_ID, List.of(), Map.of());
  }

  @Override
  protected Fields<Project> declare(Fields<Project> fields) {
    return fields
        .key(PROJECT_ID, Project_.id, Sort.SORTABLE, Project::getId)
        .changeable(
            "name", Project_.name, Codec.TEXT, Sort.SORTABLE, Project::getName, Project::setName)
        .changeable(
            "project_type",
            Project_.projectType,
            Codec.oneOf(Project.TYPES),
            Sort.SORTABLE,
            Project::getProjectType,
            Project::setProjectType)
        .changeable(
            "status",
            Project_.status,
            Codec.oneOf(Project.STATUSES),
            Sort.SORTABLE,
            Project::getStatus,
            Project::setStatus);
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
