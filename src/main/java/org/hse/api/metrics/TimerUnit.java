package org.hse.api.metrics;

import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The unit to give a timer so that the server's {@code /metrics} writes its {@code _max} in
 * seconds, found by asking the server's own exporter rather than by its name or version.
 *
 * <p>A timer samples nanoseconds. Payara's OpenMetrics exporter up to 6.2025.10 and 7.2025.1
 * ({@code OpenMetricsExporter.exportSampling}) scales {@code _max} by the unit of the metadata
 * alone, so seconds come out only with the unit nanoseconds; from 7.2026.6 on (FISH-13137) it
 * divides a timer's {@code _max} by 10^9 itself first, so seconds come out only with the unit
 * seconds (nanoseconds would make it 10^-9 of the right value, 0 as printed). Both write {@code
 * _sum} in seconds whatever the unit.
 *
 * <p>{@link #of} hands that exporter a timer of its own whose longest sample is one second, with
 * the unit nanoseconds, and reads the {@code _max} it writes: 1 means nanoseconds is right,
 * anything else seconds. The exporter is a Payara internal, loaded from the class loader of the
 * registry's implementation; where it is missing (another server, or a Payara that renamed it) the
 * unit is seconds, the unit MicroProfile Metrics exports timers in.
 */
final class TimerUnit {

  private static final Logger LOG = Logger.getLogger(TimerUnit.class.getName());

  /** Payara's exporter of {@code /metrics} in the OpenMetrics text format. */
  static final String PAYARA_EXPORTER =
      "fish.payara.microprofile.metrics.writer.OpenMetricsExporter";

  private static final long ONE_SECOND = Duration.ofSeconds(1).toNanos();

  private static final Pattern MAX = Pattern.compile("(?m)^\\S*_max(?:\\{[^}]*\\})? (\\S+)$");

  private TimerUnit() {}

  /** The unit for a timer of this registry, {@link MetricUnits#NANOSECONDS} or seconds. */
  static String of(MetricRegistry registry) {
    String unit = probe(registry);
    LOG.fine(() -> "Timers on /metrics get the unit " + unit);
    return unit;
  }

  private static String probe(MetricRegistry registry) {
    Metadata metadata =
        Metadata.builder().withName("timer.unit.probe").withUnit(MetricUnits.NANOSECONDS).build();
    Writer out = new StringWriter();
    try {
      Class<?> exporter =
          Class.forName(PAYARA_EXPORTER, true, registry.getClass().getClassLoader());
      exporter
          .getMethod("export", MetricID.class, Timer.class, Metadata.class)
          .invoke(
              exporter.getConstructor(Writer.class).newInstance(out),
              new MetricID(metadata.getName()),
              new OneSecond(),
              metadata);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.fine(() -> "No Payara exporter to ask for the timer unit: " + e);
      return MetricUnits.SECONDS;
    }
    return Math.abs(exportedMax(out.toString()) - 1) < 1e-6
        ? MetricUnits.NANOSECONDS
        : MetricUnits.SECONDS;
  }

  /** The value of the first {@code _max} line of an OpenMetrics text, NaN when there is none. */
  static double exportedMax(String text) {
    Matcher max = MAX.matcher(text);
    return max.find() ? Double.parseDouble(max.group(1)) : Double.NaN;
  }

  /** A timer that timed one thing, which took a second. */
  private static final class OneSecond implements Timer {

    @Override
    public void update(Duration duration) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T time(Callable<T> event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void time(Runnable event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Context time() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Duration getElapsedTime() {
      return Duration.ofNanos(ONE_SECOND);
    }

    @Override
    public long getCount() {
      return 1;
    }

    @Override
    public Snapshot getSnapshot() {
      return new Snapshot() {
        @Override
        public long size() {
          return 1;
        }

        @Override
        public double getMax() {
          return ONE_SECOND;
        }

        @Override
        public double getMean() {
          return ONE_SECOND;
        }

        @Override
        public PercentileValue[] percentileValues() {
          return new PercentileValue[0];
        }

        @Override
        public HistogramBucket[] bucketValues() {
          return new HistogramBucket[0];
        }

        @Override
        public void dump(OutputStream output) {}
      };
    }
  }
}
