package org.hse.api.incident.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.hse.api.incident.control.IncidentModel;
import org.hse.api.incident.entity.Incident;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.PlacedStore;

/** Incidents of the caller's projects. */
@Stateless
public class Incidents extends PlacedStore<Incident> {

  @Inject IncidentModel model;

  @Override
  protected ResourceModel<Incident> model() {
    return model;
  }
}
