package org.hse.api.persistence;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Whether a failure means the database could not be reached (a restart, a failover, a network cut),
 * not that the request or the service is wrong: the contract answers that {@code 503} with {@code
 * Retry-After}, never {@code 500}, because the same request succeeds once the database is back, and
 * a create retried with its id is safe.
 *
 * <p>Read from the failure's causes, as the JDBC driver and the container's pool report them: the
 * JDBC connection exception classes, SQLSTATE class {@code 08} (connection exception), {@code 57P}
 * (PostgreSQL: shut down by an operator or a crash, cannot connect now) and {@code 53} (too many
 * connections, out of resources), and a Jakarta Connectors {@link ResourceException}, which both
 * Payara's and WildFly's pools throw when they cannot open a connection. The suppressed exceptions
 * count as causes: when a commit fails because the database went away under it, WildFly's
 * transaction manager (Narayana) throws a {@code RollbackException} ({@code ARJUNA016053: Could not
 * commit transaction}) whose own cause is empty and which carries the pool's exception ({@code
 * IJ001156: Could not commit local transaction}, caused by the driver's {@code 57P01}) as a
 * suppressed one; read by its causes alone, that failure was answered 500 during a PostgreSQL
 * restart ({@code FaultLoadIT} on WildFly).
 *
 * <p>On Payara the same failed commit arrives as an {@link XAException} of the pool's one-phase
 * commit ({@code ConnectorXAResource}), which keeps the driver's failure in its message text alone
 * and says only {@code XAER_RMERR}: an error of the resource manager, whose one resource is this
 * database. A transaction manager's verdict that the database failed at commit ({@code XAER_RMERR},
 * {@code XAER_RMFAIL}, {@code XA_RBCOMMFAIL}) counts too: whether the commit happened is unknown,
 * and a retry is the answer that is safe (a create retried with its id, an update with its {@code
 * If-Match}), where a 500 would say the request was wrong (one such 500 in a PostgreSQL restart
 * under load, {@code FaultLoadIT} on Payara).
 */
public final class DatabaseUnavailable {

  private static final Set<String> UNREACHABLE_STATE_PREFIXES = Set.of("08", "57P", "53");

  private DatabaseUnavailable() {}

  /**
   * Whether this failure, or any of its causes or their suppressed exceptions, is the database
   * being out of reach.
   */
  public static boolean causes(Throwable failure) {
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable cause = pending.poll();
      if (!seen.add(cause)) {
        continue;
      }
      if (unreachable(cause)) {
        return true;
      }
      if (cause.getCause() != null) {
        pending.add(cause.getCause());
      }
      pending.addAll(List.of(cause.getSuppressed()));
    }
    return false;
  }

  private static boolean unreachable(Throwable cause) {
    return cause instanceof ResourceException
        || cause instanceof SQLTransientConnectionException
        || cause instanceof SQLNonTransientConnectionException
        || cause instanceof SQLRecoverableException
        || cause instanceof SQLException sql && unreachableState(sql)
        || cause instanceof XAException xa && failedResourceManager(xa);
  }

  private static boolean failedResourceManager(XAException xa) {
    return xa.errorCode == XAException.XAER_RMERR
        || xa.errorCode == XAException.XAER_RMFAIL
        || xa.errorCode == XAException.XA_RBCOMMFAIL;
  }

  private static boolean unreachableState(SQLException sql) {
    for (SQLException e = sql; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      if (state != null && UNREACHABLE_STATE_PREFIXES.stream().anyMatch(state::startsWith)) {
        return true;
      }
    }
    return false;
  }
}
