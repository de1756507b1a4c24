package org.hse.api.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.v2.Access;
import org.hse.api.v2.Field;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/** The {@code project} resource: a tenant is its own project. */
@ApplicationScoped
public class ProjectModel implements ResourceModel<Project> {

  private final List<Field<Project>> fields =
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
              "type",
              "type",
              Project.TYPES,
              Access.OPTIONAL,
              true,
              Project::getType,
              (p, v) -> p.setType((String) v))
          .buildAudited();

  @Override
  public String type() {
    return "project";
  }

  @Override
  public Class<Project> entityClass() {
    return Project.class;
  }

  @Override
  public List<Field<Project>> fields() {
    return fields;
  }

  @Override
  public String tenantPath() {
    return "id";
  }

  @Override
  public String tenantOf(Project item) {
    return item.getId();
  }

  @Override
  public List<String> fetches() {
    return List.of();
  }

  @Override
  public Map<String, String> parents() {
    return Map.of();
  }

  @Override
  public String label(Project item) {
    return item.getName();
  }
}
