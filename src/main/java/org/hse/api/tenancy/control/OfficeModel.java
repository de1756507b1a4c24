package org.hse.api.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.model.Access;
import org.hse.api.model.Codec;
import org.hse.api.model.Fields;
import org.hse.api.model.Relation;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Sort;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Office_;
import org.hse.api.tenancy.entity.Project_;

/** The {@code office} resource: a site of one project, which it never leaves. */
@ApplicationScoped
public class OfficeModel extends ResourceModel<Office> {

  /** The office's project, named on create (the boundary resolves it). */
  public static final String PROJECT_ID = ProjectModel.PROJECT_ID;

  public OfficeModel() {
    super(
        "office",
        Office.class,
        Office::new,
        PROJECT_ID,
        List.of("project"),
        Map.of("project", PROJECT_ID));
  }

  @Override
  protected Fields<Office> declare(Fields<Office> fields) {
    return fields
        .key("office_id", Office_.id, Sort.SORTABLE, Office::getId)
        .reference(
            PROJECT_ID,
            Office_.project,
            Project_.id,
            Access.FIXED,
            Sort.SORTABLE,
            Office::getProject)
        .changeable(
            "name", Office_.name, Codec.TEXT, Sort.SORTABLE, Office::getName, Office::setName)
        .changeable(
            "office_type_icon",
            Office_.officeTypeIcon,
            Codec.oneOf(Office.TYPE_ICONS),
            Sort.SORTABLE,
            Office::getOfficeTypeIcon,
            Office::setOfficeTypeIcon)
        .changeable(
            "code", Office_.code, Codec.TEXT, Sort.SORTABLE, Office::getCode, Office::setCode)
        .changeable(
            "description",
            Office_.description,
            Codec.TEXT,
            Sort.UNSORTED,
            Office::getDescription,
            Office::setDescription)
        .changeable(
            "street",
            Office_.street,
            Codec.TEXT,
            Sort.SORTABLE,
            Office::getStreet,
            Office::setStreet)
        .changeable(
            "postal_code",
            Office_.postalCode,
            Codec.TEXT,
            Sort.SORTABLE,
            Office::getPostalCode,
            Office::setPostalCode)
        .changeable(
            "region",
            Office_.region,
            Codec.TEXT,
            Sort.SORTABLE,
            Office::getRegion,
            Office::setRegion)
        .changeable(
            "locality",
            Office_.locality,
            Codec.TEXT,
            Sort.SORTABLE,
            Office::getLocality,
            Office::setLocality)
        .changeable(
            "country",
            Office_.country,
            Codec.TEXT,
            Sort.SORTABLE,
            Office::getCountry,
            Office::setCountry)
        .changeable(
            "tax_code",
            Office_.taxCode,
            Codec.TEXT,
            Sort.SORTABLE,
            Office::getTaxCode,
            Office::setTaxCode)
        .changeable("vat", Office_.vat, Codec.TEXT, Sort.SORTABLE, Office::getVat, Office::setVat)
        .changeable(
            "office_type_id",
            Office_.officeTypeId,
            Codec.UUID,
            Sort.SORTABLE,
            Office::getOfficeTypeId,
            Office::setOfficeTypeId)
        .with(
            PlacedModel.projectNames(
                new Relation<>(Office_.project, Office::getProject), Sort.SORTABLE));
  }

  @Override
  public String tenantOf(Office item) {
    return item.getProjectId();
  }

  @Override
  public String label(Office item) {
    return item.getName();
  }
}
