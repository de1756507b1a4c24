package org.hse.api.action.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.action.entity.Action;
import org.hse.api.boundary.ItemRules;
import org.hse.api.http.V2Resource;

/** {@code /v2/action}: the five verbs over actions. */
@Path("v2/action")
@ApplicationScoped
public class ActionsResource extends V2Resource<Action> {

  @Inject ActionRules rules;

  @Override
  protected ItemRules<Action> rules() {
    return rules;
  }
}
