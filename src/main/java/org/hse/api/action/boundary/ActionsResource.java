package org.hse.api.action.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.action.control.ActionModel;
import org.hse.api.action.entity.Action;
import org.hse.api.boundary.V2Store;
import org.hse.api.http.V2Resource;
import org.hse.api.model.ResourceModel;

/** {@code /v2/action}: the five verbs over actions. */
@Path("v2/action")
@ApplicationScoped
public class ActionsResource extends V2Resource<Action> {

  @Inject Actions actions;

  @Inject ActionModel model;

  @Override
  protected V2Store<Action> store() {
    return actions;
  }

  @Override
  protected ResourceModel<Action> model() {
    return model;
  }
}
