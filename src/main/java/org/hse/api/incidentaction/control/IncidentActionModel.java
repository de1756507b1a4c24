package org.hse.api.incidentaction.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hse.api.action.entity.Action;
import org.hse.api.action.entity.Action_;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incident.entity.Incident_;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.incidentaction.entity.IncidentAction_;
import org.hse.api.model.Access;
import org.hse.api.model.Codec;
import org.hse.api.model.Fields;
import org.hse.api.model.Relation;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Sort;
import org.hse.api.tenancy.control.PlacedModel;
import org.hse.api.tenancy.entity.Office_;
import org.hse.api.tenancy.entity.Project_;

/** The {@code incident-action} resource, with the joined fields of its incident and action. */
@ApplicationScoped
public class IncidentActionModel extends ResourceModel<IncidentAction> {

  /** The linked incident. */
  public static final String INCIDENT = "office_incident_id";

  /** The linked action. */
  public static final String ACTION = "entity_id";

  /** The link's office: the incident's. */
  public static final String SUBTENANT = PlacedModel.SUBTENANT;

  /** The link's project: the incident's. */
  public static final String TENANT = PlacedModel.TENANT;

  public IncidentActionModel() {
    super(
        "incident-action",
        IncidentAction.class,
        IncidentAction::new,
        TENANT,
        List.of("incident", "action", "office", "project"),
        Map.of("project", TENANT, "office", SUBTENANT, "incident", INCIDENT, "action", ACTION));
  }

  /** An incident has a few links, and so has an action, however many a project has. */
  @Override
  protected Set<SingularAttribute<? super IncidentAction, ?>> fewPerValue() {
    return Set.of(IncidentAction_.incident, IncidentAction_.action);
  }

  @Override
  protected Fields<IncidentAction> declare(Fields<IncidentAction> fields) {
    Relation<IncidentAction, Incident> incident =
        new Relation<>(IncidentAction_.incident, IncidentAction::getIncident);
    Relation<IncidentAction, Action> action =
        new Relation<>(IncidentAction_.action, IncidentAction::getAction);
    return fields
        .key("office_incident_action_id", IncidentAction_.id, Sort.UNSORTED, IncidentAction::getId)
        .reference(
            INCIDENT,
            IncidentAction_.incident,
            Incident_.id,
            Access.CHANGEABLE,
            Sort.UNSORTED,
            IncidentAction::getIncident)
        .changeable(
            "entity_type",
            IncidentAction_.entityType,
            Codec.oneOf(IncidentAction.ENTITY_TYPES),
            Sort.UNSORTED,
            IncidentAction::getEntityType,
            IncidentAction::setEntityType)
        .reference(
            ACTION,
            IncidentAction_.action,
            Action_.id,
            Access.CHANGEABLE,
            Sort.UNSORTED,
            IncidentAction::getAction)
        .changeable(
            "description",
            IncidentAction_.description,
            Codec.TEXT,
            Sort.UNSORTED,
            IncidentAction::getDescription,
            IncidentAction::setDescription)
        .reference(
            SUBTENANT,
            IncidentAction_.office,
            Office_.id,
            Access.CHANGEABLE,
            Sort.UNSORTED,
            IncidentAction::getOffice)
        .reference(
            TENANT,
            IncidentAction_.project,
            Project_.id,
            Access.CHANGEABLE,
            Sort.UNSORTED,
            IncidentAction::getProject)
        .joined("action_code", action, Action_.code, Codec.TEXT, Sort.SORTABLE, Action::getCode)
        .joined("action_name", action, Action_.name, Codec.TEXT, Sort.SORTABLE, Action::getName)
        .joined(
            "action_type",
            action,
            Action_.actionType,
            Codec.oneOf(Action.TYPES),
            Sort.SORTABLE,
            Action::getActionType)
        .joined(
            "incident_code", incident, Incident_.code, Codec.TEXT, Sort.SORTABLE, Incident::getCode)
        .joined(
            "incident_name", incident, Incident_.name, Codec.TEXT, Sort.SORTABLE, Incident::getName)
        .joined(
            "incident_date",
            incident,
            Incident_.dateIncident,
            Codec.DATE,
            Sort.SORTABLE,
            Incident::getDateIncident)
        .joined(
            "incident_category",
            incident,
            Incident_.category,
            Codec.oneOf(Incident.CATEGORIES),
            Sort.UNSORTED,
            Incident::getCategory)
        .joined(
            "incident_status",
            incident,
            Incident_.status,
            Codec.oneOf(Incident.STATUSES),
            Sort.UNSORTED,
            Incident::getStatus)
        .with(
            PlacedModel.projectNames(
                new Relation<>(IncidentAction_.project, IncidentAction::getProject), Sort.UNSORTED))
        .with(PlacedModel.officeName());
  }

  /** A link's incident, action and office are of the link's project (IncidentActions checks). */
  @Override
  public Map<String, String> sameTenantRelations() {
    return Map.of(
        "incident", "incident.project.id",
        "action", "action.project.id",
        "office", "office.project.id");
  }

  @Override
  public String tenantOf(IncidentAction item) {
    return item.getProjectId();
  }

  @Override
  public String label(IncidentAction item) {
    return codeAndName(item.getAction().getCode(), item.getAction().getName());
  }
}
