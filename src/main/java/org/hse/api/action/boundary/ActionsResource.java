package org.hse.api.action.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.action.control.ActionModel;
import org.hse.api.action.entity.Action;
import org.hse.api.http.V2Resource;
import org.hse.api.items.ItemVerbs;
import org.hse.api.model.ResourceModel;

/** {@code /v2/action}: the five verbs over actions, each one call of {@link Actions}. */
@Path("v2/action")
@ApplicationScoped
public class ActionsResource extends V2Resource<Action> {

  @Inject ActionModel model;

  @EJB Actions boundary;

  @Override
  protected ResourceModel<Action> model() {
    return model;
  }

  @Override
  protected ItemVerbs<Action> boundary() {
    return boundary;
  }
}
