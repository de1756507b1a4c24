package org.hse.api.incidentaction.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.boundary.V2Store;
import org.hse.api.http.V2Resource;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.model.ResourceModel;

/** {@code /v2/incident-action}: the five verbs over the links between incidents and actions. */
@Path("v2/incident-action")
@ApplicationScoped
public class IncidentActionsResource extends V2Resource<IncidentAction> {

  @Inject IncidentActions links;

  @Inject IncidentActionModel model;

  @Override
  protected V2Store<IncidentAction> store() {
    return links;
  }

  @Override
  protected ResourceModel<IncidentAction> model() {
    return model;
  }
}
