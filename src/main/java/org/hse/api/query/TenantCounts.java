package org.hse.api.query;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;
import org.hse.api.model.ResourceModel;

/**
 * The number of items each project has of each resource, kept in the transaction of every create
 * and delete, so that a search without a filter knows its exact total without counting rows. Only
 * resources whose items belong to a project are counted (see {@link
 * ResourceModel#countedPerTenant()}).
 */
public final class TenantCounts {

  private static final String RESOURCE = "resource";
  private static final String ITEMS = "items";

  private final EntityManager em;

  public TenantCounts(EntityManager em) {
    this.em = em;
  }

  /** Starts the counts of a new project at zero, for every counted resource. */
  public void open(String project, Collection<ResourceModel<?>> models) {
    for (ResourceModel<?> model : models) {
      if (model.countedPerTenant()) {
        for (int stripe = 0; stripe < TenantCount.STRIPES; stripe++) {
          em.persist(new TenantCount(project, model.type(), stripe));
        }
      }
    }
  }

  /**
   * Counts a project's items of every counted resource from its rows and keeps those counts,
   * replacing whatever was kept: for items written without the boundary (the demo data).
   */
  public void recount(String project, Collection<ResourceModel<?>> models) {
    em.flush();
    em.createQuery("DELETE FROM TenantCount c WHERE c.projectId = :project")
        .setParameter("project", project)
        .executeUpdate();
    open(project, models);
    em.flush();
    for (ResourceModel<?> model : models) {
      if (model.countedPerTenant()) {
        long rows =
            em.createQuery(
                    "SELECT COUNT(e) FROM "
                        + model.entityName(em.getMetamodel())
                        + " e WHERE e."
                        + model.tenantPath()
                        + " = :project",
                    Long.class)
                .setParameter("project", project)
                .getSingleResult();
        add(project, model, rows);
      }
    }
  }

  /** Adds to (or, negative, takes from) a project's count of a resource, on a random stripe. */
  public void add(String project, ResourceModel<?> model, long items) {
    if (!model.countedPerTenant() || items == 0) {
      return;
    }
    em.createQuery(
            "UPDATE TenantCount c SET c.items = c.items + :items"
                + " WHERE c.projectId = :project AND c.resource = :resource AND c.stripe = :stripe")
        .setParameter(ITEMS, items)
        .setParameter("project", project)
        .setParameter(RESOURCE, model.type())
        .setParameter("stripe", ThreadLocalRandom.current().nextInt(TenantCount.STRIPES))
        .executeUpdate();
  }

  /**
   * The number of a resource's items in the scope's projects, as the JPQL of a subquery of the
   * search that needs it.
   */
  static String totalQuery(ResourceModel<?> model, TenantScope scope, Jpql jpql) {
    return "SELECT SUM(k.items) FROM TenantCount k WHERE k.resource = "
        + jpql.value(model.type())
        + scope.and("k.projectId", jpql);
  }

  /** The same number, asked on its own, with the parameters {@code jpql} binds. */
  long total(ResourceModel<?> model, TenantScope scope, Jpql jpql) {
    // a sum of BIGINT is a NUMERIC on PostgreSQL: read it as any number
    Number total =
        jpql.bind(em.createQuery(totalQuery(model, scope, jpql), Number.class)).getSingleResult();
    return total == null ? 0 : total.longValue();
  }
}
