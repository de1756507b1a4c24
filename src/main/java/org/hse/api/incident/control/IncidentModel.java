package org.hse.api.incident.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.hse.api.incident.entity.Incident;
import org.hse.api.tenancy.control.PlacedModel;
import org.hse.api.v2.Access;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;

/** The {@code incident} resource. */
@ApplicationScoped
public class IncidentModel extends PlacedModel<Incident> {

  public IncidentModel() {
    super(
        "incident",
        Incident.class,
        new Fields<Incident>()
            .key("office_incident_id", true, Incident::getId)
            .add(
                "code",
                "code",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Incident::getCode,
                (i, v) -> i.setCode((String) v))
            .add(
                "name",
                "name",
                Kind.TEXT,
                Access.REQUIRED,
                true,
                Incident::getName,
                (i, v) -> i.setName((String) v))
            .add(
                "date_incident",
                "dateIncident",
                Kind.DATE,
                Access.REQUIRED,
                true,
                Incident::getDateIncident,
                (i, v) -> i.setDateIncident((java.time.LocalDate) v))
            .addEnum(
                "category",
                "category",
                Incident.CATEGORIES,
                Access.OPTIONAL,
                true,
                Incident::getCategory,
                (i, v) -> i.setCategory((String) v))
            .addEnum(
                "status",
                "status",
                Incident.STATUSES,
                Access.OPTIONAL,
                true,
                Incident::getStatus,
                (i, v) -> i.setStatus((String) v))
            .add(
                "description_event",
                "descriptionEvent",
                Kind.TEXT,
                Access.OPTIONAL,
                false,
                Incident::getDescriptionEvent,
                (i, v) -> i.setDescriptionEvent((String) v))
            .add(
                "description_actions_involved",
                "descriptionActionsInvolved",
                Kind.TEXT,
                Access.OPTIONAL,
                false,
                Incident::getDescriptionActionsInvolved,
                (i, v) -> i.setDescriptionActionsInvolved((String) v))
            .add(
                "deponent",
                "deponent",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Incident::getDeponent,
                (i, v) -> i.setDeponent((String) v))
            .add(
                "date_closed",
                "dateClosed",
                Kind.DATE,
                Access.OPTIONAL,
                true,
                Incident::getDateClosed,
                (i, v) -> i.setDateClosed((java.time.LocalDate) v)));
  }

  @Override
  public String label(Incident item) {
    return codeAndName(item.getCode(), item.getName());
  }
}
