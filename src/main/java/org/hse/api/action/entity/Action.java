package org.hse.api.action.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.hse.api.tenancy.entity.Placed;

/** A corrective or preventive action planned at an office of a project. */
@Entity
@Table(name = "action")
public class Action extends Placed {

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
}
