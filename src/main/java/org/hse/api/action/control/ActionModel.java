package org.hse.api.action.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.hse.api.action.entity.Action;
import org.hse.api.tenancy.control.PlacedModel;
import org.hse.api.v2.Access;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;

/** The {@code action} resource; its {@code action_type} is fixed at creation. */
@ApplicationScoped
public class ActionModel extends PlacedModel<Action> {

  public ActionModel() {
    super(
        "action",
        Action.class,
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
                (a, v) -> a.setDescription((String) v)));
  }

  @Override
  public String label(Action item) {
    return codeAndName(item.getCode(), item.getName());
  }
}
