package org.hse.api.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.v2.Access;
import org.hse.api.v2.Audited;
import org.hse.api.v2.Field;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/** The {@code office} resource: a site of one project, which it never leaves. */
@ApplicationScoped
public class OfficeModel implements ResourceModel<Office> {

  private final List<Field<Office>> fields =
      new Fields<Office>()
          .key("office_id", true, Office::getId)
          .reference(
              "project_id",
              "project.id",
              Access.REQUIRED_FIXED,
              true,
              o -> Audited.idOf(o.getProject()))
          .add(
              "name",
              "name",
              Kind.TEXT,
              Access.REQUIRED,
              true,
              Office::getName,
              (o, v) -> o.setName((String) v))
          .buildAudited();

  @Override
  public String type() {
    return "office";
  }

  @Override
  public Class<Office> entityClass() {
    return Office.class;
  }

  @Override
  public List<Field<Office>> fields() {
    return fields;
  }

  @Override
  public String tenantPath() {
    return "project.id";
  }

  @Override
  public String tenantOf(Office item) {
    return item.getProject().getId();
  }

  @Override
  public List<String> fetches() {
    return List.of("project");
  }

  @Override
  public Map<String, String> parents() {
    return Map.of("project", "project.id");
  }

  @Override
  public String label(Office item) {
    return item.getName();
  }
}
