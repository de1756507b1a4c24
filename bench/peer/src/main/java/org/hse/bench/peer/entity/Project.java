package org.hse.bench.peer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A project (a tenant), read only: the peer writes links alone. Only the columns a link shows are
 * mapped; the table and its other columns are the product's (its Flyway migrations).
 */
@Entity
@Immutable
@Table(name = "project")
public class Project {

  @Id
  @Column(name = "project_id")
  private String id;

  private String name;

  @Column(name = "project_type")
  private String projectType;

  protected Project() {}

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getProjectType() {
    return projectType;
  }
}
