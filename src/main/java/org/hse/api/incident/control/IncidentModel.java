package org.hse.api.incident.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incident.entity.Incident_;
import org.hse.api.model.Codec;
import org.hse.api.model.Fields;
import org.hse.api.model.Sort;
import org.hse.api.tenancy.control.PlacedModel;

/** The {@code incident} resource. */
@ApplicationScoped
public class IncidentModel extends PlacedModel<Incident> {

  public IncidentModel() {
    super("incident", Incident.class, Incident::new);
  }

  @Override
  protected Fields<Incident> ownFields(Fields<Incident> fields) {
    return fields
        .key("office_incident_id", Incident_.id, Sort.SORTABLE, Incident::getId)
        .changeable(
            "code", Incident_.code, Codec.TEXT, Sort.SORTABLE, Incident::getCode, Incident::setCode)
        .changeable(
            "name", Incident_.name, Codec.TEXT, Sort.SORTABLE, Incident::getName, Incident::setName)
        .changeable(
            "date_incident",
            Incident_.dateIncident,
            Codec.DATE,
            Sort.SORTABLE,
            Incident::getDateIncident,
            Incident::setDateIncident)
        .changeable(
            "category",
            Incident_.category,
            Codec.oneOf(Incident.CATEGORIES),
            Sort.SORTABLE,
            Incident::getCategory,
            Incident::setCategory)
        .changeable(
            "status",
            Incident_.status,
            Codec.oneOf(Incident.STATUSES),
            Sort.SORTABLE,
            Incident::getStatus,
            Incident::setStatus)
        .changeable(
            "description_event",
            Incident_.descriptionEvent,
            Codec.TEXT,
            Sort.UNSORTED,
            Incident::getDescriptionEvent,
            Incident::setDescriptionEvent)
        .changeable(
            "description_actions_involved",
            Incident_.descriptionActionsInvolved,
            Codec.TEXT,
            Sort.UNSORTED,
            Incident::getDescriptionActionsInvolved,
            Incident::setDescriptionActionsInvolved)
        .changeable(
            "deponent",
            Incident_.deponent,
            Codec.TEXT,
            Sort.SORTABLE,
            Incident::getDeponent,
            Incident::setDeponent)
        .changeable(
            "date_closed",
            Incident_.dateClosed,
            Codec.DATE,
            Sort.SORTABLE,
            Incident::getDateClosed,
            Incident::setDateClosed);
  }

  @Override
  public String label(Incident item) {
    return codeAndName(item.getCode(), item.getName());
  }
}
