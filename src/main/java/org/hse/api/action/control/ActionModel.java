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
                (a, v) -> a.setDescription((String) v))
            .addEnum(
                "validity_unit",
                "validityUnit",
                Action.VALIDITY_UNITS,
                Access.OPTIONAL,
                true,
                Action::getValidityUnit,
                (a, v) -> a.setValidityUnit((String) v))
            .add(
                "validity",
                "validity",
                Kind.INTEGER,
                Access.OPTIONAL,
                true,
                Action::getValidity,
                (a, v) -> a.setValidity((Integer) v))
            .add(
                "expire_interval",
                "expireInterval",
                Kind.INTEGER,
                Access.OPTIONAL,
                true,
                Action::getExpireInterval,
                (a, v) -> a.setExpireInterval((Integer) v))
            .add(
                "manager",
                "manager",
                Kind.JSON,
                Access.OPTIONAL,
                false,
                Action::getManager,
                (a, v) -> a.setManager((String) v))
            .add(
                "assignee",
                "assignee",
                Kind.JSON,
                Access.OPTIONAL,
                false,
                Action::getAssignee,
                (a, v) -> a.setAssignee((String) v))
            .add(
                "watcher",
                "watcher",
                Kind.JSON,
                Access.OPTIONAL,
                false,
                Action::getWatcher,
                (a, v) -> a.setWatcher((String) v))
            .add(
                "data",
                "data",
                Kind.JSON,
                Access.OPTIONAL,
                false,
                Action::getData,
                (a, v) -> a.setData((String) v)));
  }

  @Override
  public String label(Action item) {
    return codeAndName(item.getCode(), item.getName());
  }
}
