package org.hse.api.action.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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

  public static final List<String> VALIDITY_UNITS = List.of("YEAR", "MONTH", "DAY");

  /** The longest JSON document a people or data field holds: 64 KB of characters. */
  public static final int MAX_DOCUMENT = 65536;

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

  @Column(name = "validity_unit")
  private String validityUnit;

  @PositiveOrZero private Integer validity;

  @PositiveOrZero
  @Column(name = "expire_interval")
  private Integer expireInterval;

  @Size(max = MAX_DOCUMENT)
  private String manager;

  @Size(max = MAX_DOCUMENT)
  private String assignee;

  @Size(max = MAX_DOCUMENT)
  private String watcher;

  @Size(max = MAX_DOCUMENT)
  private String data;

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

  public String getValidityUnit() {
    return validityUnit;
  }

  public void setValidityUnit(String validityUnit) {
    this.validityUnit = validityUnit;
  }

  public Integer getValidity() {
    return validity;
  }

  public void setValidity(Integer validity) {
    this.validity = validity;
  }

  public Integer getExpireInterval() {
    return expireInterval;
  }

  public void setExpireInterval(Integer expireInterval) {
    this.expireInterval = expireInterval;
  }

  public String getManager() {
    return manager;
  }

  public void setManager(String manager) {
    this.manager = manager;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getWatcher() {
    return watcher;
  }

  public void setWatcher(String watcher) {
    this.watcher = watcher;
  }

  public String getData() {
    return data;
  }

  public void setData(String data) {
    this.data = data;
  }
}
