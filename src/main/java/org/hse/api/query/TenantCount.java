package org.hse.api.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One stripe of the number of items of one resource in one project (table {@code tenant_count}, see
 * the migration {@code V3__tenant_counts.sql}). Read by searches, written by {@link TenantCounts}.
 */
@Entity
@Table(name = "tenant_count")
@IdClass(TenantCount.Key.class)
public class TenantCount {

  /** How many rows each count is split over. */
  public static final int STRIPES = 8;

  @Id
  @Column(name = "project_id", length = 36)
  private String projectId;

  @Id private String resource;

  @Id private int stripe;

  private long items;

  protected TenantCount() {}

  TenantCount(String projectId, String resource, int stripe) {
    this.projectId = projectId;
    this.resource = resource;
    this.stripe = stripe;
  }

  /** The primary key: project, resource and stripe. */
  public static class Key implements Serializable {

    private static final long serialVersionUID = 1L;

    private String projectId;
    private String resource;
    private int stripe;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && stripe == key.stripe
          && Objects.equals(projectId, key.projectId)
          && Objects.equals(resource, key.resource);
    }

    @Override
    public int hashCode() {
      return Objects.hash(projectId, resource, stripe);
    }
  }
}
