package org.hse.api.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.v2.Access;
import org.hse.api.v2.Audited;
import org.hse.api.v2.Fields;
import org.hse.api.v2.Kind;
import org.hse.api.v2.ResourceModel;

/** The {@code office} resource: a site of one project, which it never leaves. */
@ApplicationScoped
public class OfficeModel extends ResourceModel<Office> {

  public OfficeModel() {
    super(
        "office",
        Office.class,
        "project.id",
        List.of("project"),
        Map.of("project", "project.id"),
        new Fields<Office>()
            .key("office_id", true, Office::getId)
            .reference(
                "project_id",
                "project.id",
                Access.REQUIRED_FIXED,
                true,
                o -> Audited.idOf(o.getProject()))
            .add(
                "name",
                "name",
                Kind.TEXT,
                Access.REQUIRED,
                true,
                Office::getName,
                (o, v) -> o.setName((String) v))
            .addEnum(
                "office_type_icon",
                "officeTypeIcon",
                Office.TYPE_ICONS,
                Access.OPTIONAL,
                true,
                Office::getOfficeTypeIcon,
                (o, v) -> o.setOfficeTypeIcon((String) v))
            .add(
                "code",
                "code",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getCode,
                (o, v) -> o.setCode((String) v))
            .add(
                "description",
                "description",
                Kind.TEXT,
                Access.OPTIONAL,
                false,
                Office::getDescription,
                (o, v) -> o.setDescription((String) v))
            .add(
                "street",
                "street",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getStreet,
                (o, v) -> o.setStreet((String) v))
            .add(
                "postal_code",
                "postalCode",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getPostalCode,
                (o, v) -> o.setPostalCode((String) v))
            .add(
                "region",
                "region",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getRegion,
                (o, v) -> o.setRegion((String) v))
            .add(
                "locality",
                "locality",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getLocality,
                (o, v) -> o.setLocality((String) v))
            .add(
                "country",
                "country",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getCountry,
                (o, v) -> o.setCountry((String) v))
            .add(
                "tax_code",
                "taxCode",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getTaxCode,
                (o, v) -> o.setTaxCode((String) v))
            .add(
                "vat",
                "vat",
                Kind.TEXT,
                Access.OPTIONAL,
                true,
                Office::getVat,
                (o, v) -> o.setVat((String) v))
            .add(
                "office_type_id",
                "officeTypeId",
                Kind.UUID,
                Access.OPTIONAL,
                true,
                Office::getOfficeTypeId,
                (o, v) -> o.setOfficeTypeId((String) v))
            .readOnly(
                "project_name", "project.name", Kind.TEXT, true, o -> o.getProject().getName())
            .readOnlyEnum(
                "project_type",
                "project.projectType",
                Project.TYPES,
                true,
                o -> o.getProject().getProjectType())
            .buildAudited());
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
