package org.hse.api.incident.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.http.V2Resource;
import org.hse.api.incident.control.IncidentModel;
import org.hse.api.incident.entity.Incident;
import org.hse.api.items.ItemVerbs;
import org.hse.api.model.ResourceModel;

/** {@code /v2/incident}: the five verbs over incidents, each one call of {@link Incidents}. */
@Path("v2/incident")
@ApplicationScoped
public class IncidentsResource extends V2Resource<Incident> {

  @Inject IncidentModel model;

  @EJB Incidents boundary;

  @Override
  protected ResourceModel<Incident> model() {
    return model;
  }

  @Override
  protected ItemVerbs<Incident> boundary() {
    return boundary;
  }
}
