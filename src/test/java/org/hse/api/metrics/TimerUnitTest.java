package org.hse.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.junit.jupiter.api.Test;

/**
 * The timer unit off Payara: its exporter's {@code _max} read from OpenMetrics text, and seconds
 * where there is no Payara exporter to ask. Payara's own two answers are {@code
 * ListeningSocketsIT}'s, on Payara 6 and 7.
 */
class TimerUnitTest {

  @Test
  void theMaxIsReadWithOrWithoutTags() {
    assertEquals(
        1.0,
        TimerUnit.exportedMax(
            "# TYPE timer_unit_probe_seconds_max gauge\n"
                + "timer_unit_probe_seconds_max 1.0\n"
                + "timer_unit_probe_seconds_count 1.0\n"));
    assertEquals(
        1.0E-9, TimerUnit.exportedMax("probe_seconds_max{mp_scope=\"application\"} 1.0E-9\n"));
    assertTrue(Double.isNaN(TimerUnit.exportedMax("probe_seconds_count 1.0\n")));
  }

  @Test
  void withoutPayarasExporterTheUnitIsSeconds() {
    MetricRegistry registry =
        (MetricRegistry)
            Proxy.newProxyInstance(
                TimerUnitTest.class.getClassLoader(),
                new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException(method.getName());
                });
    assertEquals(MetricUnits.SECONDS, TimerUnit.of(registry));
  }
}
