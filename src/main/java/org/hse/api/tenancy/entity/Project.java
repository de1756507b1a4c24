package org.hse.api.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.hse.api.v2.Audited;

/** A company: the tenant every other item belongs to. */
@Entity
@Table(name = "project")
public class Project extends Audited {

  public static final List<String> TYPES = List.of("safety", "template");

  @Id
  @Column(name = "project_id", length = 36)
  private String id;

  @NotNull
  @Size(max = 255)
  private String name;

  @NotNull private String type = "safety";

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

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }
}
