package org.hse.api.metrics;

import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The meters in the server's MicroProfile Metrics registry, the application scope of Payara's
 * {@code /metrics}, which Payara serves itself. Loaded only where the MicroProfile Metrics API is
 * on the class path ({@link ServerMeters}): WildFly 39 has none.
 */
final class MicroProfileMeters implements Meters {

  private final MetricRegistry registry;

  /**
   * A timer's unit on this server ({@link TimerUnit}): the one with which Payara's exporter writes
   * every value in seconds, as the name {@code _seconds} says and Prometheus expects. A timer
   * registered by name alone gets the unit seconds, which up to Payara 6.2025.10 and 7.2025.1 wrote
   * {@code _max} and {@code _mean} in nanoseconds beside a {@code _sum} in seconds.
   *
   * <p>The quantiles of the search timer are switched off ({@code
   * mp.metrics.distribution.percentiles=api.index.duration=} in {@code
   * microprofile-config.properties}): those versions write them unscaled by any unit, in
   * nanoseconds. From 7.2026.6 on Payara writes no {@code _mean}; averages come from {@code
   * rate(_sum)/rate(_count)}. {@code ListeningSocketsIT} fails on a {@code _max} or {@code _mean}
   * that is not in seconds.
   */
  private final String timerUnit;

  private MicroProfileMeters(MetricRegistry registry) {
    this.registry = registry;
    this.timerUnit = TimerUnit.of(registry);
  }

  /** The server's application registry, if it has one, among these beans. */
  static Optional<Meters> find(Instance<Object> beans) {
    Instance<MetricRegistry> registry = beans.select(MetricRegistry.class);
    return registry.isResolvable()
        ? Optional.of(new MicroProfileMeters(registry.get()))
        : Optional.empty();
  }

  @Override
  public Counter counter(String name, String description, Tag... tags) {
    return registry.counter(metadata(name, description, null), tags(tags))::inc;
  }

  @Override
  public Timer timer(String name, String description, Tag... tags) {
    org.eclipse.microprofile.metrics.Timer timer =
        registry.timer(metadata(name, description, timerUnit), tags(tags));
    return timer::update;
  }

  @Override
  public void gauge(String name, String description, IntSupplier value, Tag... tags) {
    registry.gauge(metadata(name, description, null), value::getAsInt, tags(tags));
  }

  /** None: Payara's {@code /metrics} holds these meters. */
  @Override
  public Optional<Supplier<String>> exposition() {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "MicroProfile Metrics, on the server's /metrics";
  }

  private static Metadata metadata(String name, String description, String unit) {
    var metadata = Metadata.builder().withName(name).withDescription(description);
    return (unit == null ? metadata : metadata.withUnit(unit)).build();
  }

  private static org.eclipse.microprofile.metrics.Tag[] tags(Tag... tags) {
    return Stream.of(tags)
        .map(tag -> new org.eclipse.microprofile.metrics.Tag(tag.name(), tag.value()))
        .toArray(org.eclipse.microprofile.metrics.Tag[]::new);
  }
}
