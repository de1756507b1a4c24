package org.hse.api.incidentaction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.hse.api.action.entity.Action;
import org.hse.api.incident.entity.Incident;
import org.hse.api.tenancy.entity.Placed;

/** One action linked to one incident, at the incident's office and project. */
@Entity
@Table(name = "incident_action")
@NamedQuery(
    name = IncidentAction.PLACE_AND_PAIR,
    query =
        "SELECT i, a, (SELECT COUNT(l) FROM IncidentAction l"
            + " WHERE l.incident = i AND l.action = a AND l.id <> :id)"
            + " FROM Incident i JOIN FETCH i.office JOIN FETCH i.project, Action a"
            + " WHERE i.id = :incident AND a.id = :action",
    hints = @QueryHint(name = "eclipselink.flush", value = "false"))
@NamedQuery(
    name = IncidentAction.COUNT_SAME_PAIR,
    query =
        "SELECT COUNT(l) FROM IncidentAction l"
            + " WHERE l.incident.id = :incident AND l.action.id = :action AND l.id <> :id",
    // without flushing the link being checked first; set here rather than per call, because
    // EclipseLink copies a named query whose flush mode is set, and prepares the copy again
    hints = @QueryHint(name = "eclipselink.flush", value = "false"))
public class IncidentAction extends Placed {

  public static final String COUNT_SAME_PAIR = "IncidentAction.countSamePair";

  /**
   * A link's incident with its office and project, its action, and how many other links join the
   * two already, in one statement: the references a create checks, read in one round trip. No row
   * when either id names nothing.
   */
  public static final String PLACE_AND_PAIR = "IncidentAction.placeAndPair";

  public static final List<String> ENTITY_TYPES = List.of("ACTION");

  @Id
  @Column(name = "office_incident_action_id", length = 36)
  private String id;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "office_incident_id")
  private Incident incident;

  @NotNull
  @Column(name = "entity_type")
  private String entityType;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entity_id")
  private Action action;

  @Size(max = 4000)
  private String description;

  protected IncidentAction() {}

  public IncidentAction(String id) {
    this.id = Objects.requireNonNull(id);
  }

  @Override
  public String getId() {
    return id;
  }

  public Incident getIncident() {
    return incident;
  }

  public void setIncident(Incident incident) {
    this.incident = incident;
  }

  public String getEntityType() {
    return entityType;
  }

  public void setEntityType(String entityType) {
    this.entityType = entityType;
  }

  public Action getAction() {
    return action;
  }

  public void setAction(Action action) {
    this.action = action;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
