package org.hse.api.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.hse.api.v2.Audited;

/** A site of a project: the sub-tenant of incidents and actions. */
@Entity
@Table(name = "office")
public class Office extends Audited {

  @Id
  @Column(name = "office_id", length = 36)
  private String id;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  /** The project's id, read from the same column, so that tenant checks need not load it. */
  @Column(name = "project_id", insertable = false, updatable = false)
  private String projectId;

  @NotNull
  @Size(max = 255)
  private String name;

  protected Office() {}

  public Office(String id) {
    this.id = Objects.requireNonNull(id);
  }

  @Override
  public String getId() {
    return id;
  }

  public Project getProject() {
    return project;
  }

  public String getProjectId() {
    return projectId;
  }

  public void setProject(Project project) {
    this.project = project;
    this.projectId = idOf(project);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
