package org.hse.bench.peer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A link between an incident and an action, at the incident's office and project: the one table the
 * peer writes. {@code version} is Hibernate's optimistic lock and the ETag; the timestamps are UTC
 * to the second, as the API shows them.
 */
@Entity
@Table(name = "incident_action")
public class IncidentAction {

  /** The one entity type a link names. */
  public static final String ACTION = "ACTION";

  @Id
  @Column(name = "office_incident_action_id")
  private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "office_incident_id")
  private Incident incident;

  @Column(name = "entity_type")
  private String entityType;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entity_id")
  private Action action;

  private String description;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "office_id")
  private Office office;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  @Column(name = "created_at", updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  @Version private long version;

  protected IncidentAction() {}

  public IncidentAction(String id) {
    this.id = id;
  }

  @PrePersist
  void stampCreation() {
    createdAt = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    updatedAt = createdAt;
  }

  @PreUpdate
  void stampUpdate() {
    updatedAt = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }

  /** Links the incident and the action, at the incident's office and project. */
  public void link(Incident incident, Action action) {
    this.incident = incident;
    this.action = action;
    this.office = incident.getOffice();
    this.project = incident.getProject();
  }

  public String getId() {
    return id;
  }

  public Incident getIncident() {
    return incident;
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

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Office getOffice() {
    return office;
  }

  public Project getProject() {
    return project;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
