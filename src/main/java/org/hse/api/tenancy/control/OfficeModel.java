package org.hse.api.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.v2.Access;
import org.hse.api.v2.Audited;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/** The {@code office} resource: a site of one project, which it never leaves. */
@ApplicationScoped
public class OfficeModel extends ResourceModel<Office> {

  public OfficeModel() {
    super(
        "office",
        Office.class,
        "project.id",
        List.of("project"),
        Map.of("project", "project.id"),
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
            .buildAudited());
  }

  @Override
  public String tenantOf(Office item) {
    return item.getProjectId();
  }

  @Override
  public String label(Office item) {
    return item.getName();
  }
}
