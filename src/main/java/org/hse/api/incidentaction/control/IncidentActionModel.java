package org.hse.api.incidentaction.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.action.entity.Action;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.v2.Access;
import org.hse.api.v2.Audited;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/** The {@code incident-action} resource, with the joined fields of its incident and action. */
@ApplicationScoped
public class IncidentActionModel extends ResourceModel<IncidentAction> {

  public IncidentActionModel() {
    super(
        "incident-action",
        IncidentAction.class,
        "project.id",
        List.of("incident", "action", "office", "project"),
        Map.of(
            "project", "project.id",
            "office", "office.id",
            "incident", "incident.id",
            "action", "action.id"),
        new Fields<IncidentAction>()
            .key("office_incident_action_id", false, IncidentAction::getId)
            .reference(
                "office_incident_id",
                "incident.id",
                Access.REQUIRED,
                false,
                l -> Audited.idOf(l.getIncident()))
            .addEnum(
                "entity_type",
                "entityType",
                IncidentAction.ENTITY_TYPES,
                Access.REQUIRED,
                false,
                IncidentAction::getEntityType,
                (l, v) -> l.setEntityType((String) v))
            .reference(
                "entity_id", "action.id", Access.REQUIRED, false, l -> Audited.idOf(l.getAction()))
            .add(
                "description",
                "description",
                Kind.TEXT,
                Access.OPTIONAL,
                false,
                IncidentAction::getDescription,
                (l, v) -> l.setDescription((String) v))
            .reference(
                "subtenant_id",
                "office.id",
                Access.REQUIRED,
                false,
                l -> Audited.idOf(l.getOffice()))
            .reference(
                "tenant_id",
                "project.id",
                Access.REQUIRED,
                false,
                l -> Audited.idOf(l.getProject()))
            .readOnly("action_code", "action.code", Kind.TEXT, true, l -> l.getAction().getCode())
            .readOnly("action_name", "action.name", Kind.TEXT, true, l -> l.getAction().getName())
            .readOnlyEnum(
                "action_type",
                "action.actionType",
                Action.TYPES,
                true,
                l -> l.getAction().getActionType())
            .readOnly(
                "incident_code", "incident.code", Kind.TEXT, true, l -> l.getIncident().getCode())
            .readOnly(
                "incident_name", "incident.name", Kind.TEXT, true, l -> l.getIncident().getName())
            .readOnly(
                "incident_date",
                "incident.dateIncident",
                Kind.DATE,
                true,
                l -> l.getIncident().getDateIncident())
            .readOnlyEnum(
                "incident_category",
                "incident.category",
                Incident.CATEGORIES,
                false,
                l -> l.getIncident().getCategory())
            .readOnlyEnum(
                "incident_status",
                "incident.status",
                Incident.STATUSES,
                false,
                l -> l.getIncident().getStatus())
            .readOnly(
                "project_name", "project.name", Kind.TEXT, true, l -> l.getProject().getName())
            .readOnlyEnum(
                "project_type",
                "project.projectType",
                Project.TYPES,
                false,
                l -> l.getProject().getProjectType())
            .readOnly("office_name", "office.name", Kind.TEXT, true, l -> l.getOffice().getName())
            .buildAudited());
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
