package org.hse.api.action.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.hse.api.action.entity.Action;
import org.hse.api.action.entity.Action_;
import org.hse.api.model.Codec;
import org.hse.api.model.Fields;
import org.hse.api.model.Sort;
import org.hse.api.tenancy.control.PlacedModel;

/** The {@code action} resource; its {@code action_type} is fixed at creation. */
@ApplicationScoped
public class ActionModel extends PlacedModel<Action> {

  public ActionModel() {
    super("action", Action.class, Action::new);
  }

  @Override
  protected Fields<Action> ownFields(Fields<Action> fields) {
    return fields
        .key("action_id", Action_.id, Sort.SORTABLE, Action::getId)
        .fixed(
            "action_type",
            Action_.actionType,
            Codec.oneOf(Action.TYPES),
            Sort.SORTABLE,
            Action::getActionType,
            Action::setActionType)
        .changeable(
            "code", Action_.code, Codec.TEXT, Sort.SORTABLE, Action::getCode, Action::setCode)
        .changeable(
            "name", Action_.name, Codec.TEXT, Sort.SORTABLE, Action::getName, Action::setName)
        .changeable(
            "description",
            Action_.description,
            Codec.TEXT,
            Sort.UNSORTED,
            Action::getDescription,
            Action::setDescription)
        .changeable(
            "validity_unit",
            Action_.validityUnit,
            Codec.oneOf(Action.VALIDITY_UNITS),
            Sort.SORTABLE,
            Action::getValidityUnit,
            Action::setValidityUnit)
        .changeable(
            "validity",
            Action_.validity,
            Codec.INTEGER,
            Sort.SORTABLE,
            Action::getValidity,
            Action::setValidity)
        .changeable(
            "expire_interval",
            Action_.expireInterval,
            Codec.INTEGER,
            Sort.SORTABLE,
            Action::getExpireInterval,
            Action::setExpireInterval)
        .changeable(
            "manager",
            Action_.manager,
            Codec.JSON,
            Sort.UNSORTED,
            Action::getManager,
            Action::setManager)
        .changeable(
            "assignee",
            Action_.assignee,
            Codec.JSON,
            Sort.UNSORTED,
            Action::getAssignee,
            Action::setAssignee)
        .changeable(
            "watcher",
            Action_.watcher,
            Codec.JSON,
            Sort.UNSORTED,
            Action::getWatcher,
            Action::setWatcher)
        .changeable(
            "data", Action_.data, Codec.JSON, Sort.UNSORTED, Action::getData, Action::setData);
  }

  @Override
  public String label(Action item) {
    return codeAndName(item.getCode(), item.getName());
  }
}
