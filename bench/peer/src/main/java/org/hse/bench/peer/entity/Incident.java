package org.hse.bench.peer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * An incident, read only: what a link shows of it, and its office and project, at which a link to
 * it must be placed.
 */
@Entity
@Immutable
@Table(name = "incident")
public class Incident {

  @Id
  @Column(name = "office_incident_id")
  private String id;

  private String code;

  private String name;

  @Column(name = "date_incident")
  private LocalDate dateIncident;

  private String category;

  private String status;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "office_id")
  private Office office;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  protected Incident() {}

  public String getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public LocalDate getDateIncident() {
    return dateIncident;
  }

  public String getCategory() {
    return category;
  }

  public String getStatus() {
    return status;
  }

  public Office getOffice() {
    return office;
  }

  public Project getProject() {
    return project;
  }
}
