package org.hse.api.tenancy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.hse.api.boundary.ItemRules;
import org.hse.api.http.V2Resource;
import org.hse.api.tenancy.entity.Office;

/** {@code /v2/office}: the five verbs over offices. */
@Path("v2/office")
@ApplicationScoped
public class OfficesResource extends V2Resource<Office> {

  @Inject OfficeRules rules;

  @Override
  protected ItemRules<Office> rules() {
    return rules;
  }
}
