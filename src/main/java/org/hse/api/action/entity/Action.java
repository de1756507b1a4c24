package org.hse.api.action.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Placed;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.v2.Audited;

/** A corrective or preventive action planned at an office of a project. */
@Entity
@Table(name = "action")
public class Action extends Audited implements Placed {

  public static final List<String> TYPES =
      List.of("TRAINING", "MAINTENANCE", "HEALTH", "CHECK", "PER");

  @Id
  @Column(name = "action_id", length = 36)
  private String id;

  @NotNull
  @Column(name = "action_type", updatable = false)
  private String actionType;

  @Size(max = 255)
  private String code;

  @NotNull
  @Size(max = 255)
  private String name;

  @Size(max = 4000)
  private String description;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "office_id")
  private Office office;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  protected Action() {}

  public Action(String id) {
    this.id = Objects.requireNonNull(id);
  }

  @Override
  public String getId() {
    return id;
  }

  public String getActionType() {
    return actionType;
  }

  public void setActionType(String actionType) {
    this.actionType = actionType;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public Office getOffice() {
    return office;
  }

  @Override
  public Project getProject() {
    return project;
  }

  @Override
  public void placeAt(Office office, Project project) {
    this.office = office;
    this.project = project;
  }
}
