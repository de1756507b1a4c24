package org.hse.bench.peer.link;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.hibernate.exception.ConstraintViolationException;
import org.hse.bench.peer.entity.Action;
import org.hse.bench.peer.entity.Incident;
import org.hse.bench.peer.entity.IncidentAction;
import org.hse.bench.peer.http.ValidationFailed;
import org.hse.bench.peer.security.Caller;

/**
 * The writes of links, each one transaction ({@code @Transactional}), confined to the caller's
 * tenants. A link's rules: its incident and action exist and the caller may see them (else a 422
 * on the field), the action is of the incident's project, the link sits at the incident's office
 * and project (which the body names, and which the caller must hold: else a 403), and an incident
 * links an action once. The unique constraint {@code incident_action_pair} settles a race between
 * two creates of one pair.
 */
@ApplicationScoped
public class LinkWrites {

  private static final String INCIDENT_WITH_PLACE =
      "SELECT i FROM Incident i JOIN FETCH i.office JOIN FETCH i.project WHERE i.id = :id";

  private static final String SAME_PAIR =
      "SELECT COUNT(l) FROM IncidentAction l"
          + " WHERE l.incident.id = :incident AND l.action.id = :action AND l.id <> :id";

  private static final String LINK_WITH_REFERENCES =
      "SELECT l FROM IncidentAction l JOIN FETCH l.incident JOIN FETCH l.action"
          + " JOIN FETCH l.office JOIN FETCH l.project WHERE l.id = :id";

  private static final String PAIR_CONSTRAINT = "incident_action_pair";

  private static final int MAX_DESCRIPTION = 4000;

  @Inject EntityManager em;

  @Inject Caller caller;

  /** Creates a link; the id is the client's or a new one. */
  @Transactional
  public LinkView create(LinkInput input) {
    ValidationFailed.Collector errors = new ValidationFailed.Collector();
    String id = uuid(errors, "office_incident_action_id", input.id(), false);
    String incidentId = uuid(errors, "office_incident_id", input.incidentId(), true);
    String actionId = uuid(errors, "entity_id", input.actionId(), true);
    String officeId = uuid(errors, "subtenant_id", input.officeId(), true);
    String projectId = uuid(errors, "tenant_id", input.projectId(), true);
    if (input.entityType() == null) {
      errors.add("entity_type", "is required");
    } else {
      entityType(errors, input.entityType());
    }
    description(errors, input.description());
    errors.throwIfAny();
    requireTenant(projectId);
    IncidentAction link = new IncidentAction(id != null ? id : UUID.randomUUID().toString());
    link.setEntityType(input.entityType());
    link.setDescription(input.description());
    place(link, incidentId, actionId, officeId, projectId, errors);
    if (id != null && em.find(IncidentAction.class, id) != null) {
      throw new ClientErrorException("An item with id " + id + " exists already.", 409);
    }
    em.persist(link);
    flush();
    return LinkView.of(link);
  }

  /**
   * Changes the fields the body gives (the others stay), when {@code ifMatch} (null without an
   * {@code If-Match}) accepts the stored version: else a 412. A change of the incident, the action
   * or the place is checked as a create's.
   */
  @Transactional
  public LinkView update(String id, JsonNode body, LongPredicate ifMatch) {
    IncidentAction link = visible(id);
    if (ifMatch != null && !ifMatch.test(link.getVersion())) {
      throw new ClientErrorException(
          "The item has changed since the version given in If-Match; read it again.", 412);
    }
    ValidationFailed.Collector errors = new ValidationFailed.Collector();
    if (body.has("office_incident_action_id")
        && !link.getId().equals(text(errors, body, "office_incident_action_id"))) {
      errors.add("office_incident_action_id", "cannot be changed");
    }
    String entityType =
        body.has("entity_type")
            ? entityType(errors, text(errors, body, "entity_type"))
            : link.getEntityType();
    String description =
        body.has("description")
            ? description(errors, text(errors, body, "description"))
            : link.getDescription();
    boolean moved =
        List.of("office_incident_id", "entity_id", "subtenant_id", "tenant_id").stream()
            .anyMatch(body::has);
    String incidentId = reference(errors, body, "office_incident_id", link.getIncident().getId());
    String actionId = reference(errors, body, "entity_id", link.getAction().getId());
    String officeId = reference(errors, body, "subtenant_id", link.getOffice().getId());
    String projectId = reference(errors, body, "tenant_id", link.getProject().getId());
    errors.throwIfAny();
    if (moved) {
      requireTenant(projectId);
      place(link, incidentId, actionId, officeId, projectId, errors);
    }
    link.setEntityType(entityType);
    link.setDescription(description);
    flush();
    return LinkView.of(link);
  }

  /** Deletes a link, when {@code ifMatch} accepts its version; nothing depends on a link. */
  @Transactional
  public void delete(String id, LongPredicate ifMatch) {
    IncidentAction link = visible(id);
    if (ifMatch != null && !ifMatch.test(link.getVersion())) {
      throw new ClientErrorException(
          "The item has changed since the version given in If-Match; read it again.", 412);
    }
    em.remove(link);
    flush();
  }

  /**
   * Places the link at its incident and action after the reference checks: the incident (with its
   * office and project) in one statement, the action by its key, the pair in a count.
   */
  private void place(
      IncidentAction link,
      String incidentId,
      String actionId,
      String officeId,
      String projectId,
      ValidationFailed.Collector errors) {
    Incident incident =
        em.createQuery(INCIDENT_WITH_PLACE, Incident.class)
            .setParameter("id", incidentId)
            .getResultStream()
            .findFirst()
            .filter(found -> caller.sees(found.getProject().getId()))
            .orElse(null);
    Action action =
        Optional.ofNullable(em.find(Action.class, actionId))
            .filter(found -> caller.sees(found.getProjectId()))
            .orElse(null);
    if (incident == null) {
      errors.add("office_incident_id", "does not name an item you can see");
    }
    if (action == null) {
      errors.add("entity_id", "does not name an item you can see");
    }
    if (incident != null) {
      if (!incident.getOffice().getId().equals(officeId)) {
        errors.add("subtenant_id", "must be the office of the incident");
      }
      if (!incident.getProject().getId().equals(projectId)) {
        errors.add("tenant_id", "must be the project of the incident");
      }
      if (action != null && !action.getProjectId().equals(incident.getProject().getId())) {
        errors.add("entity_id", "must be an action of the incident's project");
      } else if (action != null && linkedElsewhere(incident, action, link.getId())) {
        errors.add("entity_id", "is linked to this incident already");
      }
    }
    errors.throwIfAny();
    link.link(incident, action);
  }

  private boolean linkedElsewhere(Incident incident, Action action, String linkId) {
    return em.createQuery(SAME_PAIR, Long.class)
            .setParameter("incident", incident.getId())
            .setParameter("action", action.getId())
            .setParameter("id", linkId)
            .getSingleResult()
        > 0;
  }

  /** The link with its references, for a write; 404 when the caller cannot see it. */
  private IncidentAction visible(String id) {
    return em.createQuery(LINK_WITH_REFERENCES, IncidentAction.class)
        .setParameter("id", id.toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst()
        .filter(link -> caller.sees(link.getProject().getId()))
        .orElseThrow(() -> new NotFoundException("No incident-action has the id " + id + "."));
  }

  private void requireTenant(String projectId) {
    if (!caller.sees(projectId)) {
      throw new ForbiddenException("You may not write items of project " + projectId + ".");
    }
  }

  /**
   * Writes the pending changes now, inside the method, so that the database's refusals have their
   * answers: the pair taken meanwhile is a 422, a key taken meanwhile a 409 (a row changed
   * meanwhile is Hibernate's OptimisticLockException, a 409 too).
   */
  private void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ConstraintViolationException violation) {
          if (PAIR_CONSTRAINT.equalsIgnoreCase(violation.getConstraintName())) {
            throw new ValidationFailed("entity_id", "is linked to this incident already");
          }
          throw new ClientErrorException(
              "The item conflicts with one stored at the same time; read it again.", 409);
        }
      }
      throw e;
    }
  }

  private static String uuid(
      ValidationFailed.Collector errors, String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        errors.add(field, "is required");
      }
      return null;
    }
    if (!LinkField.isUuid(value)) {
      errors.add(field, "must be a UUID");
      return null;
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A reference the body may change: its new value, else the stored one. */
  private static String reference(
      ValidationFailed.Collector errors, JsonNode body, String field, String stored) {
    return body.has(field) ? uuid(errors, field, text(errors, body, field), true) : stored;
  }

  private static String entityType(ValidationFailed.Collector errors, String value) {
    if (!IncidentAction.ACTION.equals(value)) {
      errors.add("entity_type", "must be one of: " + IncidentAction.ACTION);
    }
    return value;
  }

  private static String description(ValidationFailed.Collector errors, String value) {
    if (value != null && value.length() > MAX_DESCRIPTION) {
      errors.add("description", "must be at most " + MAX_DESCRIPTION + " characters");
    }
    return value;
  }

  /** A string field of an update's body; null for JSON null, a 422 for any other type. */
  private static String text(ValidationFailed.Collector errors, JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add(field, "must be a string");
      return null;
    }
    return value.textValue();
  }
}
