package org.hse.api.tenancy.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.http.V2Resource;
import org.hse.api.items.ItemVerbs;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.OfficeModel;
import org.hse.api.tenancy.entity.Office;

/** {@code /v2/office}: the five verbs over offices, each one call of {@link Offices}. */
@Path("v2/office")
@ApplicationScoped
public class OfficesResource extends V2Resource<Office> {

  @Inject OfficeModel model;

  @EJB Offices boundary;

  @Override
  protected ResourceModel<Office> model() {
    return model;
  }

  @Override
  protected ItemVerbs<Office> boundary() {
    return boundary;
  }
}
