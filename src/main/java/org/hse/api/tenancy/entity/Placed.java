package org.hse.api.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotNull;
import org.hse.api.persistence.Audited;

/**
 * An item that sits at an office ({@code subtenant_id}, column {@code office_id}) of a project
 * ({@code tenant_id}, column {@code project_id}).
 */
@MappedSuperclass
public abstract class Placed extends Audited {

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "office_id")
  private Office office;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  /** The office's id, read from the same column, so that checks need not load the office. */
  @Column(name = "office_id", insertable = false, updatable = false)
  private String officeId;

  /** The project's id, read from the same column, so that tenant checks need not load it. */
  @Column(name = "project_id", insertable = false, updatable = false)
  private String projectId;

  public Office getOffice() {
    return office;
  }

  public Project getProject() {
    return project;
  }

  public String getOfficeId() {
    return officeId;
  }

  public String getProjectId() {
    return projectId;
  }

  /** Places the item at an office of a project; the boundary checks that the two match. */
  public void placeAt(Office office, Project project) {
    this.office = office;
    this.project = project;
    this.officeId = idOf(office);
    this.projectId = idOf(project);
  }
}
