package org.hse.bench.peer.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hse.bench.peer.security.Caller;

/**
 * The reads of links, confined to the caller's tenants: a view by id and a search page with its
 * exact total. They run without a transaction (Quarkus gives the request a read-only session) and
 * select {@link LinkView} as a projection: no entity is built, nothing is checked for changes.
 *
 * <p>A search is two statements: the page (every joined name, ordered, {@code OFFSET}/{@code
 * LIMIT}) and {@code COUNT(*)} of the same conditions, which joins only what the filter reads. The
 * JPQL text depends on the shape of the search alone, its values are parameters, so Hibernate
 * translates each shape once (its query plan cache).
 */
@ApplicationScoped
public class LinkSearch {

  /** A link with the names of its action, incident, project and office. */
  static final String VIEW =
      "SELECT new org.hse.bench.peer.link.LinkView(l.id, i.id, l.entityType, a.id, l.description,"
          + " o.id, p.id, a.code, a.name, a.actionType, i.code, i.name, i.dateIncident, i.category,"
          + " i.status, p.name, p.projectType, o.name, l.createdAt, l.updatedAt, l.version)"
          + " FROM IncidentAction l JOIN l.incident i JOIN l.action a JOIN l.office o"
          + " JOIN l.project p";

  private static final Map<String, String> JOINS =
      Map.of(
          "i", " JOIN l.incident i",
          "a", " JOIN l.action a",
          "o", " JOIN l.office o",
          "p", " JOIN l.project p");

  @Inject EntityManager em;

  @Inject Caller caller;

  /** The link with this id, if the caller may see it. */
  public Optional<LinkView> view(String id) {
    if (caller.seesNothing() || !LinkField.isUuid(id)) {
      return Optional.empty();
    }
    Conditions where = new Conditions(caller);
    where.add("l.id = " + where.bind(id.toLowerCase(Locale.ROOT)));
    return where.bindAll(em.createQuery(VIEW + where.text(), LinkView.class))
        .getResultStream()
        .findFirst();
  }

  /** What a forced delete of the link would delete, if the caller may see it. */
  public Optional<DeletePreview> preview(String id) {
    if (caller.seesNothing() || !LinkField.isUuid(id)) {
      return Optional.empty();
    }
    Conditions where = new Conditions(caller);
    where.add("l.id = " + where.bind(id.toLowerCase(Locale.ROOT)));
    return where
        .bindAll(
            em.createQuery(
                "SELECT l.id, a.code, a.name FROM IncidentAction l JOIN l.action a" + where.text(),
                Object[].class))
        .getResultStream()
        .findFirst()
        .map(row -> DeletePreview.ofLink((String) row[0], (String) row[1], (String) row[2]));
  }

  /** One page of a search, with the exact number of links that match. */
  public Page page(Search search) {
    if (caller.seesNothing()) {
      return new Page(List.of(), 0, search.page(), search.perPage());
    }
    Conditions where = new Conditions(caller);
    Set<String> joins = new TreeSet<>();
    search
        .filter()
        .forEach(
            (field, values) -> {
              where.add(matches(field, values, where));
              if (field.join() != null) {
                joins.add(field.join());
              }
            });
    List<LinkView> items = List.of();
    if (search.offset() <= Integer.MAX_VALUE) {
      items =
          where
              .bindAll(
                  em.createQuery(VIEW + where.text() + " ORDER BY " + order(search), LinkView.class))
              .setFirstResult((int) search.offset())
              .setMaxResults(search.perPage())
              .getResultList();
    }
    StringBuilder count = new StringBuilder("SELECT COUNT(l) FROM IncidentAction l");
    joins.forEach(alias -> count.append(JOINS.get(alias)));
    long total =
        where.bindAll(em.createQuery(count + where.text(), Long.class)).getSingleResult();
    return new Page(items, total, search.page(), search.perPage());
  }

  /** The order of a search: its keys, else the creation order; the id makes it total. */
  private static String order(Search search) {
    List<String> order = new ArrayList<>();
    for (Search.SortKey key : search.sort()) {
      order.add(key.field().sortExpression() + (key.descending() ? " DESC" : " ASC"));
    }
    if (order.isEmpty()) {
      order.add("l.createdAt ASC");
    }
    order.add("l.id ASC");
    return String.join(", ", order);
  }

  /**
   * The condition that the field has any of the values: exactly, or as a substring ignoring case
   * for free text; a null value matches a missing one.
   */
  private static String matches(LinkField field, List<Object> values, Conditions where) {
    List<String> alternatives = new ArrayList<>();
    List<Object> exact = new ArrayList<>();
    for (Object value : values) {
      if (value == null) {
        alternatives.add(field.path() + " IS NULL");
      } else if (field.kind() == LinkField.Kind.TEXT) {
        alternatives.add(
            "lower("
                + field.path()
                + ") LIKE "
                + where.bind(containing((String) value))
                + " ESCAPE '!'");
      } else {
        exact.add(value);
      }
    }
    if (exact.size() == 1) {
      alternatives.add(field.path() + " = " + where.bind(exact.get(0)));
    } else if (!exact.isEmpty()) {
      alternatives.add(field.path() + " IN " + where.bind(exact));
    }
    return alternatives.size() == 1
        ? alternatives.get(0)
        : "(" + String.join(" OR ", alternatives) + ")";
  }

  /** A LIKE pattern for text containing the fragment, whatever its case. */
  private static String containing(String fragment) {
    String escaped =
        fragment
            .toLowerCase(Locale.ROOT)
            .replace("!", "!!")
            .replace("%", "!%")
            .replace("_", "!_");
    return "%" + escaped + "%";
  }

  /**
   * The WHERE clause of one query and its parameters, starting with the caller's tenant scope
   * (nothing for an admin, who sees every tenant).
   */
  static final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    Conditions(Caller caller) {
      if (!caller.isAdmin()) {
        conditions.add("l.project.id IN " + bind(caller.tenants()));
      }
    }

    void add(String condition) {
      conditions.add(condition);
    }

    /** Names the value as the next parameter: {@code :p0}, {@code :p1}, ... */
    String bind(Object value) {
      String name = "p" + parameters.size();
      parameters.put(name, value);
      return ":" + name;
    }

    String text() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    <T> TypedQuery<T> bindAll(TypedQuery<T> query) {
      parameters.forEach(query::setParameter);
      return query;
    }
  }
}
