package org.hse.api.action.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.hse.api.action.control.ActionModel;
import org.hse.api.action.entity.Action;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.PlacedStore;

/** Actions of the caller's projects. */
@Stateless
public class Actions extends PlacedStore<Action> {

  @Inject ActionModel model;

  @Override
  protected ResourceModel<Action> model() {
    return model;
  }
}
