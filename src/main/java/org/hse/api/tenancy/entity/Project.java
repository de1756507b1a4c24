package org.hse.api.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.hse.api.persistence.Audited;

/** A company: the tenant every other item belongs to. */
@Entity
@Table(name = "project")
public class Project extends Audited {

  public static final List<String> TYPES = List.of("safety", "template");

  public static final List<String> STATUSES = List.of("active", "suspended", "deleted");

  @Id
  @Column(name = "project_id", length = 36)
  private String id;

  @NotNull
  @Size(max = 255)
  private String name;

  @NotNull
  @Column(name = "project_type")
  private String projectType = "safety";

  @NotNull private String status = "active";

  protected Project() {}

  public Project(String id) {
    this.id = Objects.requireNonNull(id);
  }

  @Override
  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getProjectType() {
    return projectType;
  }

  public void setProjectType(String projectType) {
    this.projectType = projectType;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }
}
