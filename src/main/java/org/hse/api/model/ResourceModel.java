package org.hse.api.model;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hse.api.persistence.Audited;

/**
 * Everything the shared v2 verbs need to know about one resource: its name in paths and previews,
 * its entity, its fields, where its tenant is, which relations to fetch with it, and which other
 * resources it belongs to (so that deleting one of those deletes it too). A resource declares it
 * once: the rest in its constructor, the fields in {@link #declare}.
 *
 * <p>The fields name their attributes by the JPA static metamodel ({@code Action_.name}), which the
 * provider fills when it deploys the persistence unit. So the table is declared on first use, after
 * asking the persistence unit for its metamodel, which deploys it; outside a server, the caller
 * deploys one first (the unit tests' {@code TestMetamodel}).
 */
public abstract class ResourceModel<E extends Audited> {

  private final String type;
  private final Class<E> entityClass;
  private final Function<String, E> newItem;
  private final String tenant;
  private final List<String> fetches;
  private final Map<String, String> parents;
  private volatile Table<E> table;

  @PersistenceUnit EntityManagerFactory persistence;

  /**
   * @param type the resource name in paths and delete previews, e.g. {@code incident-action}
   * @param entityClass the JPA entity
   * @param newItem a new, empty item with the given id
   * @param tenant the field of the project id that scopes every query, e.g. {@code tenant_id}
   * @param fetches the to-one relations joined into every item as the API shows it, so that a page
   *     of items is read in one statement
   * @param parents the resources this one depends on, by type, with the field that names that
   *     parent, e.g. {@code incident -> office_incident_id}: deleting such a parent deletes this
   *     item; kept in the order of the types' names, so that what is built from it (the OpenAPI
   *     document's delete summaries) reads the same after every start
   */
  protected ResourceModel(
      String type,
      Class<E> entityClass,
      Function<String, E> newItem,
      String tenant,
      List<String> fetches,
      Map<String, String> parents) {
    this.type = type;
    this.entityClass = entityClass;
    this.newItem = newItem;
    this.tenant = tenant;
    this.fetches = List.copyOf(fetches);
    this.parents = Collections.unmodifiableSortedMap(new TreeMap<>(parents));
  }

  /**
   * Declares the fields as a client sees them, in the order items show them; {@code created_at} and
   * {@code updated_at} follow.
   */
  protected abstract Fields<E> declare(Fields<E> fields);

  /** The project id an item belongs to. */
  public abstract String tenantOf(E item);

  /** A short human label for a delete preview, e.g. {@code ACT-7 Fire drill}. */
  public abstract String label(E item);

  /** The usual label: the code, if any, then the name, e.g. {@code ACT-7 Fire drill}. */
  public static String codeAndName(String code, String name) {
    return code == null || code.isBlank() ? name : code + " " + name;
  }

  public String type() {
    return type;
  }

  public Class<E> entityClass() {
    return entityClass;
  }

  /** A new, empty item with this id, as a create starts it. */
  public E newItem(String id) {
    return newItem.apply(id);
  }

  /** The entity's name in JPQL. */
  public String entityName(Metamodel metamodel) {
    return metamodel.entity(entityClass).getName();
  }

  /** The JPA path of the project id that scopes every query, e.g. {@code project.id}. */
  public String tenantPath() {
    return table().tenantPath();
  }

  /**
   * The tenant's id among the item's own attributes: the id itself for a tenant, else the read-only
   * attribute of the relation's column that every tenant-scoped entity declares beside the relation
   * ({@code project.id}: {@code projectId}). EclipseLink reads {@code project.id} from the item's
   * own column in a WHERE clause, but joins the project's table for it in an ORDER BY.
   */
  public String tenantKeyPath() {
    String tenantPath = tenantPath();
    int dot = tenantPath.indexOf('.');
    return dot < 0 ? tenantPath : tenantPath.substring(0, dot) + "Id";
  }

  /** Whether this resource's items are the tenants themselves (projects). */
  public boolean isTenant() {
    return tenant.equals(idField().name());
  }

  /**
   * Whether the number of items per tenant is kept ({@code TenantCounts}), so that a search without
   * a filter need not count rows: for every resource whose items belong to a tenant.
   */
  public boolean countedPerTenant() {
    return !isTenant();
  }

  /**
   * The to-one relations one value of which picks out a handful of items, whatever the size of a
   * tenant (a link's incident, its action): a search whose filter names the id of one reads its
   * page in one statement. None unless the model names some.
   */
  protected Set<SingularAttribute<? super E, ?>> fewPerValue() {
    return Set.of();
  }

  /**
   * Whether one value of this field picks out a handful of items: it is the id of a relation of
   * {@link #fewPerValue()}, such as the link's {@code office_incident_id}.
   */
  public boolean picksFew(Field<E> field) {
    return field.referenced().filter(fewPerValue()::contains).isPresent();
  }

  public List<String> fetches() {
    return fetches;
  }

  /**
   * The resources this one depends on, by type, with the JPA path to that parent's id, e.g. {@code
   * incident -> incident.id}: deleting such a parent deletes this item.
   */
  public Map<String, String> parents() {
    return table().parents();
  }

  /**
   * The relations whose items always belong to this item's tenant, each with the path of that
   * tenant (e.g. {@code action -> action.project.id}). A search that joins one of them for a filter
   * or a sort scopes it to the caller's tenants too: the answer is the same, and the database may
   * start from that tenant's rows of the joined table. None by default.
   */
  public Map<String, String> sameTenantRelations() {
    return Map.of();
  }

  public List<Field<E>> fields() {
    return table().fields();
  }

  /** The fields, and the paths named by field: declared once, on first use. */
  private record Table<E>(List<Field<E>> fields, String tenantPath, Map<String, String> parents) {}

  private Table<E> table() {
    Table<E> declared = table;
    return declared != null ? declared : declared();
  }

  private synchronized Table<E> declared() {
    if (table == null) {
      if (persistence != null) {
        persistence.getMetamodel();
      }
      List<Field<E>> fields = declare(new Fields<>(newItem(""))).build();
      if (fields.stream().filter(f -> f.access() == Access.KEY).count() != 1) {
        throw new IllegalArgumentException(type + " needs exactly one key field");
      }
      Map<String, String> paths = new HashMap<>();
      parents.forEach((parent, field) -> paths.put(parent, pathOf(fields, field)));
      table =
          new Table<>(
              fields,
              pathOf(fields, tenant),
              Collections.unmodifiableSortedMap(new TreeMap<>(paths)));
    }
    return table;
  }

  private String pathOf(List<Field<E>> fields, String name) {
    return fields.stream()
        .filter(field -> field.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(type + " has no field " + name))
        .path();
  }

  public Field<E> idField() {
    return fields().stream().filter(f -> f.access() == Access.KEY).findFirst().orElseThrow();
  }

  public Optional<Field<E>> field(String name) {
    return fields().stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
