package org.hse.api;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hse.api.model.ResourceModels;
import org.hse.api.query.TenantCounts;

/** A transaction for BoundaryIT to recount a project's kept counts in, as DemoData does. */
@Stateless
public class Recounts {

  @PersistenceContext EntityManager em;

  @Inject ResourceModels models;

  public void recount(String project) {
    new TenantCounts(em).recount(project, models.all());
  }
}
