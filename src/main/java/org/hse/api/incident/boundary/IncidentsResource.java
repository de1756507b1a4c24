package org.hse.api.incident.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.boundary.V2Store;
import org.hse.api.http.V2Resource;
import org.hse.api.incident.control.IncidentModel;
import org.hse.api.incident.entity.Incident;
import org.hse.api.model.ResourceModel;

/** {@code /v2/incident}: the five verbs over incidents. */
@Path("v2/incident")
@ApplicationScoped
public class IncidentsResource extends V2Resource<Incident> {

  @Inject Incidents incidents;

  @Inject IncidentModel model;

  @Override
  protected V2Store<Incident> store() {
    return incidents;
  }

  @Override
  protected ResourceModel<Incident> model() {
    return model;
  }
}
