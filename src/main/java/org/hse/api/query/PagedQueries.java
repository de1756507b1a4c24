package org.hse.api.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.queries.DatabaseQuery;

/**
 * Pages of JPQL searches, each page of a query text translated to SQL once rather than on every
 * request.
 *
 * <p>EclipseLink keeps the translation of a JPQL text in its parse cache, but without a row limit:
 * a page (a first row and a size) given to the cached query makes JPA's query copy it, and the copy
 * of a projection drops its translation ({@code ReportQuery.clone} adds the selected items again,
 * which un-prepares it), so the SQL was rebuilt from the expression tree on every request: 8 % of
 * the CPU of the seed search at a million links. So the query a page was read with, prepared with
 * its limit, is kept by its text and its page, and the next request for that page of that text runs
 * it as the parse cache's queries run: shared, not copied, each execution on a copy of its own that
 * keeps the SQL. EclipseLink binds the limit and the offset as parameters of that SQL ({@code LIMIT
 * ? OFFSET ?} on PostgreSQL and H2), taken from the kept query.
 *
 * <p>A text is the shape of a search (which fields are filtered and how, the sort, the kind of
 * caller) with every value a parameter ({@link Jpql}), so the texts are few; the pages are more.
 * When {@value #MOST} pages are kept the map starts again, so that the pages read most are kept
 * again at once and a run of deep pages cannot fill it for good; a page not kept is read as before.
 */
final class PagedQueries {

  static final int MOST = 500;

  /** One persistence unit per application, and so one map per class loader. */
  private static final ConcurrentMap<String, DatabaseQuery> PREPARED = new ConcurrentHashMap<>();

  private PagedQueries() {}

  /**
   * The rows of the query {@code text} with these parameters, from the row {@code offset} on, at
   * most {@code size}.
   */
  @SuppressWarnings("unchecked")
  static <T> List<T> page(EntityManager em, String text, Jpql parameters, int offset, int size) {
    String key = offset + " " + size + " " + text;
    DatabaseQuery kept = PREPARED.get(key);
    if (kept != null) {
      return parameters.bind(em.unwrap(JpaEntityManager.class).createQuery(kept)).getResultList();
    }
    Query query = parameters.bind(em.createQuery(text)).setFirstResult(offset).setMaxResults(size);
    List<T> rows = query.getResultList();
    DatabaseQuery prepared = query.unwrap(DatabaseQuery.class);
    if (prepared.isPrepared()) {
      if (PREPARED.size() >= MOST) {
        PREPARED.clear();
      }
      PREPARED.putIfAbsent(key, prepared);
    }
    return rows;
  }
}
