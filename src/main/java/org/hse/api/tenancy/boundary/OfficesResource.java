package org.hse.api.tenancy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.boundary.V2Store;
import org.hse.api.http.V2Resource;
import org.hse.api.model.ResourceModel;
import org.hse.api.tenancy.control.OfficeModel;
import org.hse.api.tenancy.entity.Office;

/** {@code /v2/office}: the five verbs over offices. */
@Path("v2/office")
@ApplicationScoped
public class OfficesResource extends V2Resource<Office> {

  @Inject Offices offices;

  @Inject OfficeModel model;

  @Override
  protected V2Store<Office> store() {
    return offices;
  }

  @Override
  protected ResourceModel<Office> model() {
    return model;
  }
}
