package org.hse.api.incidentaction.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.boundary.ItemRules;
import org.hse.api.http.V2Resource;
import org.hse.api.incidentaction.entity.IncidentAction;

/** {@code /v2/incident-action}: the five verbs over the links between incidents and actions. */
@Path("v2/incident-action")
@ApplicationScoped
public class IncidentActionsResource extends V2Resource<IncidentAction> {

  @Inject IncidentActionRules rules;

  @Override
  protected ItemRules<IncidentAction> rules() {
    return rules;
  }
}
