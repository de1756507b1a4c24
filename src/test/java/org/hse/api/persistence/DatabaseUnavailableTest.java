package org.hse.api.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void connectionFailuresAnywhereInTheCausesAreTheDatabaseOutOfReach() {
    for (Throwable cause :
        new Throwable[] {
          new SQLException("An I/O error occurred while sending to the backend.", "08006"),
          new SQLException("terminating connection due to administrator command", "57P01"),
          new SQLException("the database system is starting up", "57P03"),
          new SQLException("sorry, too many clients already", "53300"),
          new SQLTransientConnectionException("pool exhausted"),
          new ResourceAllocationException("Connection could not be allocated")
        }) {
      EJBException wrapped =
          new EJBException(new PersistenceException(new RuntimeException("wrapped", cause)));
      assertTrue(DatabaseUnavailable.causes(wrapped), cause.toString());
    }
    // WildFly's failed commit: Narayana's RollbackException, the pool's exception suppressed in it
    RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
    commit.addSuppressed(
        new Exception(
            "IJ001156: Could not commit local transaction",
            new SQLException("terminating connection due to administrator command", "57P01")));
    assertTrue(DatabaseUnavailable.causes(new EJBException(new RuntimeException(commit))));
    // Payara's failed commit: the pool's XAException, the driver's failure in its message alone
    XAException payaraCommit =
        new XAException(
            "jakarta.resource.spi.LocalTransactionException: An I/O error occurred while sending to"
                + " the backend.");
    payaraCommit.errorCode = XAException.XAER_RMERR;
    assertTrue(
        DatabaseUnavailable.causes(
            new EJBException(new RuntimeException("commit failed", payaraCommit))));
    SQLException chained = new SQLException("batch failed", "XX000");
    chained.setNextException(new SQLException("connection reset", "08006"));
    assertTrue(DatabaseUnavailable.causes(new PersistenceException(chained)));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(DatabaseUnavailable.causes(new IllegalStateException("a bug")));
    assertFalse(
        DatabaseUnavailable.causes(
            new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
    assertFalse(DatabaseUnavailable.causes(new XAException(XAException.XAER_NOTA)));
  }
}
