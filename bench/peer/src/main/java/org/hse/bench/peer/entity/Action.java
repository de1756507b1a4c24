package org.hse.bench.peer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * An action, read only: what a link shows of it, and its project's id, which must be the incident's
 * (read as a column: the check needs no project row).
 */
@Entity
@Immutable
@Table(name = "action")
public class Action {

  @Id
  @Column(name = "action_id")
  private String id;

  @Column(name = "action_type")
  private String actionType;

  private String code;

  private String name;

  @Column(name = "project_id")
  private String projectId;

  protected Action() {}

  public String getId() {
    return id;
  }

  public String getActionType() {
    return actionType;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getProjectId() {
    return projectId;
  }
}
