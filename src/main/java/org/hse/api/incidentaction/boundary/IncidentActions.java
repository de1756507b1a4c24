package org.hse.api.incidentaction.boundary;

import static org.hse.api.incidentaction.control.IncidentActionModel.ACTION;
import static org.hse.api.incidentaction.control.IncidentActionModel.INCIDENT;
import static org.hse.api.incidentaction.control.IncidentActionModel.SUBTENANT;
import static org.hse.api.incidentaction.control.IncidentActionModel.TENANT;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.hse.api.action.entity.Action;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incidentaction.control.IncidentActionModel;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.items.ItemStore;
import org.hse.api.items.ItemVerbs;
import org.hse.api.items.References;
import org.hse.api.items.Stored;
import org.hse.api.model.FieldErrors;
import org.hse.api.model.ItemInput;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.Page;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Project;

/**
 * The boundary of the links between incidents and actions: the transaction and security edge of
 * every verb over them. Any of the three roles reads (without a transaction of its own: each
 * statement sees committed data); writers and admins write, each write one transaction, whose rules
 * are the link's own: incident and action of one project, the link at the incident's office and
 * project, one incident linking one action at most once.
 */
@Stateless
@LocalBean
@RolesAllowed({Caller.READER, Caller.WRITER, Caller.ADMIN})
public class IncidentActions implements ItemVerbs<IncidentAction> {

  @Inject IncidentActionModel model;

  @Inject ItemStore store;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<JsonObject> index(Caller caller, IndexRequest<IncidentAction> request) {
    return store.index(model, caller, request);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Stored view(Caller caller, String id) {
    return store.view(model, caller, id);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Page<JsonObject> history(Caller caller, String id, int page, int perPage) {
    return store.history(model, caller, id, page, perPage);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public JsonObject changes(Caller caller, String after, int limit) {
    return store.changes(model, caller, after, limit);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public Stored create(Caller caller, JsonObject body) {
    return store.create(model, this::resolve, caller, body);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public Stored update(Caller caller, String id, JsonObject body, LongPredicate ifMatch) {
    return store.update(model, this::resolve, caller, id, body, ifMatch);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public DeletePreview preview(Caller caller, String id) {
    return store.preview(model, caller, id);
  }

  @Override
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public void delete(Caller caller, String id, LongPredicate ifMatch) {
    store.delete(model, caller, id, ifMatch);
  }

  /**
   * Links between incidents and actions: both of the same project, the link at the incident's
   * office and project, one incident linking one action at most once.
   */
  private void resolve(
      IncidentAction link,
      ItemInput<IncidentAction> input,
      FieldErrors errors,
      References references) {
    references.requireTenant(TENANT);
    if (Stream.of(INCIDENT, ACTION, SUBTENANT, TENANT).noneMatch(input::has)) {
      // an update of the link's own fields: its references and place stand as they were checked
      return;
    }
    Boolean pairTaken =
        input.get(INCIDENT) instanceof String incidentId
            ? readReferences(references.em(), incidentId, input.get(ACTION), link.getId())
            : null;
    if (input.has(INCIDENT)) {
      link.setIncident(references.find(Incident.class, INCIDENT, Incident::getProjectId));
    }
    if (input.has(ACTION)) {
      link.setAction(references.find(Action.class, ACTION, Action::getProjectId));
    }
    Office office =
        input.has(SUBTENANT)
            ? references.find(Office.class, SUBTENANT, Office::getProjectId)
            : link.getOffice();
    Project project =
        input.has(TENANT)
            ? references.find(Project.class, TENANT, Project::getId)
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
    } else if (pairTaken != null
        ? pairTaken
        : isLinkedElsewhere(references.em(), incident, action, link)) {
      errors.add(ACTION, "is linked to this incident already");
    }
  }

  /**
   * Puts the named incident, its office and its project in the persistence context, and the named
   * action with them when the input names one, where {@link References#find} then finds them: a
   * link is placed at its incident's office and project. One statement when both exist, which also
   * tells whether another link joins the two already (null when not known).
   */
  private static Boolean readReferences(
      EntityManager em, String incidentId, Object actionId, String linkId) {
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

  private static boolean isLinkedElsewhere(
      EntityManager em, Incident incident, Action action, IncidentAction link) {
    return em.createNamedQuery(IncidentAction.COUNT_SAME_PAIR, Long.class)
            .setParameter("incident", incident.getId())
            .setParameter("action", action.getId())
            .setParameter("id", link.getId())
            .getSingleResult()
        > 0;
  }
}
