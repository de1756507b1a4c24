package org.hse.api.incidentaction.boundary;

import static org.hse.api.incidentaction.control.IncidentActionModel.ACTION;
import static org.hse.api.incidentaction.control.IncidentActionModel.INCIDENT;
import static org.hse.api.incidentaction.control.IncidentActionModel.SUBTENANT;
import static org.hse.api.incidentaction.control.IncidentActionModel.TENANT;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.hse.api.action.entity.Action;
import org.hse.api.boundary.V2Store;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.model.ResourceModel;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Project;

/**
 * Links between incidents and actions: both of the same project, the link at the incident's office
 * and project, one incident linking one action at most once.
 */
@Stateless
public class IncidentActions extends V2Store<IncidentAction> {

  @Inject IncidentActionModel model;

  @Override
  protected ResourceModel<IncidentAction> model() {
    return model;
  }

  @Override
  protected void resolve(
      IncidentAction link, ItemInput<IncidentAction> input, Caller caller, FieldErrors errors) {
    requireTenant(caller, input, TENANT);
    if (Stream.of(INCIDENT, ACTION, SUBTENANT, TENANT).noneMatch(input::has)) {
      // an update of the link's own fields: its references and place stand as they were checked
      return;
    }
    Boolean pairTaken =
        input.get(INCIDENT) instanceof String incidentId
            ? readReferences(incidentId, input.get(ACTION), link.getId())
            : null;
    if (input.has(INCIDENT)) {
      link.setIncident(
          reference(Incident.class, input, INCIDENT, caller, errors, Incident::getProjectId));
    }
    if (input.has(ACTION)) {
      link.setAction(reference(Action.class, input, ACTION, caller, errors, Action::getProjectId));
    }
    Office office =
        input.has(SUBTENANT)
            ? reference(Office.class, input, SUBTENANT, caller, errors, Office::getProjectId)
            : link.getOffice();
    Project project =
        input.has(TENANT)
            ? reference(Project.class, input, TENANT, caller, errors, Project::getId)
            : link.getProject();
    link.placeAt(office, project);
    Incident incident = link.getIncident();
    if (incident == null) {
      return;
    }
    if (link.getOffice() != null && !link.getOfficeId().equals(incident.getOfficeId())) {
      errors.add(SUBTENANT, "must be the office of the incident");
    }
    if (link.getProject() != null && !link.getProjectId().equals(incident.getProjectId())) {
      errors.add(TENANT, "must be the project of the incident");
    }
    Action action = link.getAction();
    if (action == null) {
      return;
    }
    if (!action.getProjectId().equals(incident.getProjectId())) {
      errors.add(ACTION, "must be an action of the incident's project");
    } else if (pairTaken != null ? pairTaken : isLinkedElsewhere(incident, action, link)) {
      errors.add(ACTION, "is linked to this incident already");
    }
  }

  /**
   * Puts the named incident, its office and its project in the persistence context, and the named
   * action with them when the input names one, where the lookups of {@link #resolve} find them: a
   * link is placed at its incident's office and project. One statement when both exist, which also
   * tells whether another link joins the two already (null when not known).
   */
  private Boolean readReferences(String incidentId, Object actionId, String linkId) {
    if (actionId instanceof String action) {
      List<Object[]> found =
          em.createNamedQuery(IncidentAction.PLACE_AND_PAIR, Object[].class)
              .setParameter("incident", incidentId)
              .setParameter("action", action)
              .setParameter("id", linkId)
              .getResultList();
      if (!found.isEmpty()) {
        return ((Number) found.get(0)[2]).longValue() > 0;
      }
    }
    em.createNamedQuery(Incident.WITH_PLACE, Incident.class)
        .setParameter("id", incidentId)
        .getResultList();
    return null;
  }

  private boolean isLinkedElsewhere(Incident incident, Action action, IncidentAction link) {
    return em.createNamedQuery(IncidentAction.COUNT_SAME_PAIR, Long.class)
            .setParameter("incident", incident.getId())
            .setParameter("action", action.getId())
            .setParameter("id", link.getId())
            .getSingleResult()
        > 0;
  }
}
