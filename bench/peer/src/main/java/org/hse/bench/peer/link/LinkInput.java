package org.hse.bench.peer.link;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a create: the link's writable fields. The id is optional (the server makes one);
 * the others but the description are required. Read-only and unknown keys are ignored.
 */
public record LinkInput(
    @JsonProperty("office_incident_action_id") String id,
    @JsonProperty("office_incident_id") String incidentId,
    @JsonProperty("entity_type") String entityType,
    @JsonProperty("entity_id") String actionId,
    @JsonProperty("description") String description,
    @JsonProperty("subtenant_id") String officeId,
    @JsonProperty("tenant_id") String projectId) {

  /** An empty body: every required field missing. */
  static final LinkInput EMPTY = new LinkInput(null, null, null, null, null, null, null);
}
