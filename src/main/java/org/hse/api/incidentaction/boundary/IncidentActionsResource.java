package org.hse.api.incidentaction.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.http.V2Resource;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.items.ItemVerbs;
import org.hse.api.model.ResourceModel;

/**
 * {@code /v2/incident-action}: the five verbs over the links between incidents and actions, each
 * one call of {@link IncidentActions}.
 */
@Path("v2/incident-action")
@ApplicationScoped
public class IncidentActionsResource extends V2Resource<IncidentAction> {

  @Inject IncidentActionModel model;

  @EJB IncidentActions boundary;

  @Override
  protected ResourceModel<IncidentAction> model() {
    return model;
  }

  @Override
  protected ItemVerbs<IncidentAction> boundary() {
    return boundary;
  }
}
