package org.hse.api.action.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hse.api.action.control.ActionModel;
import org.hse.api.action.entity.Action;
import org.hse.api.boundary.ItemRules;
import org.hse.api.boundary.References;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.boundary.Placement;

/** Actions of the caller's projects, at an office of one; writers write them. */
@ApplicationScoped
public class ActionRules implements ItemRules<Action> {

  @Inject ActionModel model;

  @Override
  public ResourceModel<Action> model() {
    return model;
  }

  @Override
  public void resolve(
      Action item, ItemInput<Action> input, FieldErrors errors, References references) {
    Placement.resolve(item, errors, references);
  }
}
