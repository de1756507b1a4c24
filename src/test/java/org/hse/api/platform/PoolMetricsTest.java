package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoolMetricsTest {

  @Test
  void theDatabaseTagIsTheUrlsSubprotocol() {
    assertEquals("h2", PoolMetrics.database("jdbc:h2:./data/incident-actions;WRITE_DELAY=0"));
    assertEquals("postgresql", PoolMetrics.database("jdbc:postgresql://127.0.0.1:5432/x"));
    assertEquals("unknown", PoolMetrics.database(null));
    assertEquals("unknown", PoolMetrics.database("postgres://x"));
  }

  /** Outside Payara (here, and on WildFly) no pool manager is found. */
  @Test
  void findsNoPoolManagerOutsidePayara() {
    assertTrue(PayaraPools.find().isEmpty());
  }

  /** Outside WildFly (here, and on Payara) its pool's MBean is absent. */
  @Test
  void findsNoWildFlyPoolOutsideWildFly() {
    assertTrue(WildFlyPool.find().isEmpty());
  }
}
