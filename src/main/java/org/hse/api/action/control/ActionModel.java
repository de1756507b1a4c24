package org.hse.api.action.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.action.entity.Action;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.v2.Access;
import org.hse.api.v2.Audited;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/** The {@code action} resource; its {@code action_type} is fixed at creation. */
@ApplicationScoped
public class ActionModel extends ResourceModel<Action> {

  public ActionModel() {
    super(
        "action",
        Action.class,
        "project.id",
        List.of("office", "project"),
        Map.of("project", "project.id", "office", "office.id"),
        new Fields<Action>()
            .key("action_id", true, Action::getId)
            .addEnum(
                "action_type",
                "actionType",
                Action.TYPES,
                Access.REQUIRED_FIXED,
                true,
                Action::getActionType,
                (a, v) -> a.setActionType((String) v))
            .add(
                "code",
                "code",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Action::getCode,
                (a, v) -> a.setCode((String) v))
            .add(
                "name",
                "name",
                Kind.TEXT,
                Access.REQUIRED,
                true,
                Action::getName,
                (a, v) -> a.setName((String) v))
            .add(
                "description",
                "description",
                Kind.TEXT,
                Access.OPTIONAL,
                false,
                Action::getDescription,
                (a, v) -> a.setDescription((String) v))
            .reference(
                "subtenant_id",
                "office.id",
                Access.REQUIRED_FIXED,
                true,
                a -> Audited.idOf(a.getOffice()))
            .reference(
                "tenant_id",
                "project.id",
                Access.REQUIRED_FIXED,
                true,
                a -> Audited.idOf(a.getProject()))
            .readOnly("office_name", "office.name", Kind.TEXT, true, a -> a.getOffice().getName())
            .readOnly(
                "project_name", "project.name", Kind.TEXT, true, a -> a.getProject().getName())
            .readOnlyEnum(
                "project_type", "project.type", Project.TYPES, true, a -> a.getProject().getType())
            .buildAudited());
  }

  @Override
  public String tenantOf(Action item) {
    return item.getProject().getId();
  }

  @Override
  public String label(Action item) {
    return codeAndName(item.getCode(), item.getName());
  }
}
