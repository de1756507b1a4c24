package org.hse.bench.peer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** An office of a project, read only; only the columns a link shows are mapped. */
@Entity
@Immutable
@Table(name = "office")
public class Office {

  @Id
  @Column(name = "office_id")
  private String id;

  private String name;

  protected Office() {}

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
