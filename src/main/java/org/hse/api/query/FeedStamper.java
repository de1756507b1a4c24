package org.hse.api.query;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Puts committed history entries into the change feed, in their own transaction, before a reader
 * reads the feed.
 *
 * <p>The feed must answer every change exactly once while other transactions commit out of order. A
 * number that a writer takes before its commit cannot give that: a writer that took a higher number
 * can commit first, and a reader that passed it would never go back for the lower one. Nor can
 * writers take a number at their commit without waiting for each other's commits (a lock held from
 * taking the number to the commit serializes every write, the fsync of each commit included: with
 * pgbench and 8 clients on PostgreSQL, a seventh to a quarter of the commits per second of the same
 * writes without it).
 *
 * <p>So writers leave {@code feed} null, and a reader first stamps a resource's committed,
 * unstamped entries with the next number of {@code history_feed}, in a transaction that holds that
 * row's lock until it commits. A stamping pass therefore commits before the next pass takes its
 * number: every entry stamped later has a higher number than every stamped entry a reader can see,
 * and the feed, read in ({@code feed}, {@code seq}) order, never grows behind a reader's position.
 * Within a pass, entries keep the order of their inserts ({@code seq}), which is the order of the
 * changes of one item, and of changes that waited for each other's locks (a link's create before
 * its incident's delete). An entry is in the feed from the first read after its commit.
 */
@Stateless
public class FeedStamper {

  /** At most this many entries per pass, so that a long unread backlog is stamped in steps. */
  static final int PASS = 10_000;

  @PersistenceContext EntityManager em;

  /** Stamps the committed, unstamped entries of this resource, if there are any. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void stamp(String resource) {
    List<?> unstamped =
        em.createNativeQuery(
                "SELECT seq FROM history WHERE resource = ?1 AND feed IS NULL ORDER BY seq")
            .setParameter(1, resource)
            .setMaxResults(PASS)
            .getResultList();
    if (unstamped.isEmpty()) {
      return;
    }
    long last = ((Number) unstamped.get(unstamped.size() - 1)).longValue();
    em.createNativeQuery("UPDATE history_feed SET n = n + 1 WHERE id = 1").executeUpdate();
    long feed =
        ((Number) em.createNativeQuery("SELECT n FROM history_feed WHERE id = 1").getSingleResult())
            .longValue();
    em.createNativeQuery(
            "UPDATE history SET feed = ?1 WHERE resource = ?2 AND feed IS NULL AND seq <= ?3")
        .setParameter(1, feed)
        .setParameter(2, resource)
        .setParameter(3, last)
        .executeUpdate();
  }
}
