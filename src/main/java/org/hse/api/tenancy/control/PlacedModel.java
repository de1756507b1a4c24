package org.hse.api.tenancy.control;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hse.api.model.Access;
import org.hse.api.model.Codec;
import org.hse.api.model.Fields;
import org.hse.api.model.Relation;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Sort;
import org.hse.api.persistence.Audited;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Office_;
import org.hse.api.tenancy.entity.Placed;
import org.hse.api.tenancy.entity.Placed_;
import org.hse.api.tenancy.entity.Project;
import org.hse.api.tenancy.entity.Project_;

/**
 * The model of a resource whose items sit at an office of a project: after its own fields come
 * {@code subtenant_id} and {@code tenant_id} (fixed after creation) and the joined {@code
 * office_name}, {@code project_name} and {@code project_type}; the office and project are fetched
 * with every item, and deleting either deletes the item.
 */
public abstract class PlacedModel<E extends Placed> extends ResourceModel<E> {

  /** The project an item belongs to. */
  public static final String TENANT = "tenant_id";

  /** The office of that project an item sits at. */
  public static final String SUBTENANT = "subtenant_id";

  public static final String OFFICE_NAME = "office_name";
  public static final String PROJECT_NAME = "project_name";
  public static final String PROJECT_TYPE = "project_type";

  protected PlacedModel(String type, Class<E> entityClass, Function<String, E> newItem) {
    super(
        type,
        entityClass,
        newItem,
        TENANT,
        List.of("office", "project"),
        Map.of("project", TENANT, "office", SUBTENANT));
  }

  /** The resource's own fields, before those of its place. */
  protected abstract Fields<E> ownFields(Fields<E> fields);

  @Override
  protected Fields<E> declare(Fields<E> fields) {
    return ownFields(fields)
        .reference(
            SUBTENANT, Placed_.office, Office_.id, Access.FIXED, Sort.SORTABLE, Placed::getOffice)
        .reference(
            TENANT, Placed_.project, Project_.id, Access.FIXED, Sort.SORTABLE, Placed::getProject)
        .with(officeName())
        .with(projectNames(new Relation<>(Placed_.project, Placed::getProject), Sort.SORTABLE));
  }

  /** The joined {@code office_name} of a placed item's office. */
  public static <E extends Placed> UnaryOperator<Fields<E>> officeName() {
    return fields ->
        fields.joined(
            OFFICE_NAME,
            new Relation<>(Placed_.office, Placed::getOffice),
            Office_.name,
            Codec.TEXT,
            Sort.SORTABLE,
            Office::getName);
  }

  /**
   * The joined {@code project_name} and {@code project_type} of the project a relation names, such
   * as a placed item's or an office's.
   *
   * @param typeSort whether {@code project_type} is a sort key
   */
  public static <E extends Audited> UnaryOperator<Fields<E>> projectNames(
      Relation<E, Project> project, Sort typeSort) {
    return fields ->
        fields
            .joined(
                PROJECT_NAME, project, Project_.name, Codec.TEXT, Sort.SORTABLE, Project::getName)
            .joined(
                PROJECT_TYPE,
                project,
                Project_.projectType,
                Codec.oneOf(Project.TYPES),
                typeSort,
                Project::getProjectType);
  }

  /** An item's office is an office of the item's project (Placement checks). */
  @Override
  public Map<String, String> sameTenantRelations() {
    return Map.of("office", "office.project.id");
  }

  @Override
  public String tenantOf(E item) {
    return item.getProjectId();
  }
}
