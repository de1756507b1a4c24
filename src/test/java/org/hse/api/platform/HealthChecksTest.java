package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.hse.api.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database check says DOWN and nothing else when the database fails, however much the failure
 * says (its host and user); the failure reaches the log once per outage, not once per probe.
 */
class HealthChecksTest {

  static final String FAILURE =
      "Connection to db.internal.example:5432 refused for user \"incidents_owner\"";

  private LogCapture log;

  @BeforeEach
  void captureTheLog() {
    log = LogCapture.of(HealthChecks.class.getName());
  }

  @AfterEach
  void releaseTheLog() {
    log.close();
  }

  @Test
  void aFailingDatabaseIsDownWithoutDataAndLoggedOncePerOutage() {
    HealthChecks checks = new HealthChecks();
    checks.dataSource = failing();
    for (int probe = 0; probe < 5; probe++) {
      HealthCheckResponse response = checks.database().call();
      assertEquals("database", response.getName());
      assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
      assertEquals(Optional.empty(), response.getData(), "no data in the response");
    }
    assertEquals(1, log.records().size(), "one line for the outage: " + log.messages());
    assertEquals(Level.WARNING, log.records().get(0).getLevel());
    assertTrue(log.records().get(0).getMessage().contains(FAILURE), log.messages());

    checks.dataSource = answering();
    for (int probe = 0; probe < 3; probe++) {
      HealthCheckResponse response = checks.database().call();
      assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
      assertEquals(Optional.empty(), response.getData());
    }
    assertEquals(2, log.records().size(), "one more line for the recovery: " + log.messages());
    assertEquals(Level.INFO, log.records().get(1).getLevel());
    assertFalse(log.records().get(1).getMessage().contains("db.internal"), log.messages());

    checks.dataSource = failing();
    checks.database().call();
    checks.database().call();
    assertEquals(3, log.records().size(), "the next outage is logged again: " + log.messages());
  }

  @Test
  void theLoggedFailureNamesEachCauseOnce() {
    Exception driver = new SQLException("FATAL: database \"x\" does not exist");
    Exception pool =
        new SQLException(
            "Error in allocating a connection. Cause: FATAL: database \"x\" does not exist",
            new IllegalStateException(driver.getMessage(), driver));
    assertEquals("java.sql.SQLException: " + pool.getMessage(), HealthChecks.describe(pool));
    Exception wrapped = new SQLException("Pool closed", new IOException("Broken pipe"));
    assertEquals(
        "java.sql.SQLException: Pool closed; caused by java.io.IOException: Broken pipe",
        HealthChecks.describe(wrapped));
  }

  /** A data source whose every connection attempt fails as PostgreSQL's driver says it. */
  private static DataSource failing() {
    return dataSource(
        () -> {
          throw new SQLException(FAILURE, "08001");
        });
  }

  /** A data source whose connections are valid. */
  private static DataSource answering() {
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                HealthChecksTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "isValid" -> true;
                      case "close" -> null;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return dataSource(() -> connection);
  }

  /** How a test data source's {@code getConnection} answers. */
  private interface Connecting {
    Connection connect() throws SQLException;
  }

  /** A data source that can only connect, as {@code connecting} does. */
  private static DataSource dataSource(Connecting connecting) {
    return (DataSource)
        Proxy.newProxyInstance(
            HealthChecksTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return connecting.connect();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
