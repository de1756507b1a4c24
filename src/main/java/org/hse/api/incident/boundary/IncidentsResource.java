package org.hse.api.incident.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.boundary.ItemRules;
import org.hse.api.http.V2Resource;
import org.hse.api.incident.entity.Incident;

/** {@code /v2/incident}: the five verbs over incidents. */
@Path("v2/incident")
@ApplicationScoped
public class IncidentsResource extends V2Resource<Incident> {

  @Inject IncidentRules rules;

  @Override
  protected ItemRules<Incident> rules() {
    return rules;
  }
}
