package org.hse.api.incident.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hse.api.boundary.ItemRules;
import org.hse.api.boundary.References;
import org.hse.api.incident.control.IncidentModel;
import org.hse.api.incident.entity.Incident;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.boundary.Placement;

/** Incidents of the caller's projects, at an office of one; writers write them. */
@ApplicationScoped
public class IncidentRules implements ItemRules<Incident> {

  @Inject IncidentModel model;

  @Override
  public ResourceModel<Incident> model() {
    return model;
  }

  @Override
  public void resolve(
      Incident item, ItemInput<Incident> input, FieldErrors errors, References references) {
    Placement.resolve(item, errors, references);
  }
}
