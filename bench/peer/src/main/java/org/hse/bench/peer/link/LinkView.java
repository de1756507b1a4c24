package org.hse.bench.peer.link;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.hse.bench.peer.entity.Action;
import org.hse.bench.peer.entity.Incident;
import org.hse.bench.peer.entity.IncidentAction;

/**
 * A link as the API shows it: its own fields, then the joined names of its action, incident,
 * project and office, then its timestamps (UTC, to the second), in the contract's order. Reads
 * select it as a projection ({@link LinkSearch#VIEW}), so a search builds no entity and Hibernate
 * keeps no snapshot to check for changes; the version is the ETag, not a field.
 */
public record LinkView(
    @JsonProperty("office_incident_action_id") String id,
    @JsonProperty("office_incident_id") String incidentId,
    @JsonProperty("entity_type") String entityType,
    @JsonProperty("entity_id") String actionId,
    @JsonProperty("description") String description,
    @JsonProperty("subtenant_id") String officeId,
    @JsonProperty("tenant_id") String projectId,
    @JsonProperty("action_code") String actionCode,
    @JsonProperty("action_name") String actionName,
    @JsonProperty("action_type") String actionType,
    @JsonProperty("incident_code") String incidentCode,
    @JsonProperty("incident_name") String incidentName,
    @JsonProperty("incident_date") LocalDate incidentDate,
    @JsonProperty("incident_category") String incidentCategory,
    @JsonProperty("incident_status") String incidentStatus,
    @JsonProperty("project_name") String projectName,
    @JsonProperty("project_type") String projectType,
    @JsonProperty("office_name") String officeName,
    @JsonProperty("created_at") @JsonFormat(pattern = TIMESTAMP) LocalDateTime createdAt,
    @JsonProperty("updated_at") @JsonFormat(pattern = TIMESTAMP) LocalDateTime updatedAt,
    @JsonIgnore long version) {

  /** How the contract writes a timestamp: ISO-8601 in UTC, to the second. */
  static final String TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss'Z'";

  /** A link just written, from the entity and the references the write loaded with it. */
  static LinkView of(IncidentAction link) {
    Incident incident = link.getIncident();
    Action action = link.getAction();
    return new LinkView(
        link.getId(),
        incident.getId(),
        link.getEntityType(),
        action.getId(),
        link.getDescription(),
        link.getOffice().getId(),
        link.getProject().getId(),
        action.getCode(),
        action.getName(),
        action.getActionType(),
        incident.getCode(),
        incident.getName(),
        incident.getDateIncident(),
        incident.getCategory(),
        incident.getStatus(),
        link.getProject().getName(),
        link.getProject().getProjectType(),
        link.getOffice().getName(),
        link.getCreatedAt(),
        link.getUpdatedAt(),
        link.getVersion());
  }
}
