package org.hse.api.platform;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The API's own metrics, beside Payara's on {@code /metrics} (application scope):
 *
 * <ul>
 *   <li>{@code api_requests_total{resource, verb, method, status}}: every answer of the JAX-RS
 *       application, by resource ({@code incident-action}, ...), verb ({@code index}, {@code
 *       create}, ...), HTTP method and status. A request that matched no resource method counts as
 *       resource and verb {@code other}, so a scanner cannot make the tags grow without bound.
 *   <li>{@code api_index_duration_seconds{resource}}: the time from the request to the answer of
 *       every search ({@code index}): {@code _count}, {@code _sum} and {@code _max} (and {@code
 *       _mean} where the server writes one), all in seconds, and no quantiles ({@link
 *       #indexDuration} says why).
 *   <li>{@code api_logins_refused_total{status}}: answers of the built-in token endpoint that gave
 *       no token (wrong password, locked user name, bad request).
 * </ul>
 *
 * A request refused for its token never reaches JAX-RS (the authentication mechanism answers it):
 * {@code org.hse.api.security.AccessTokenMechanism} counts those as {@code
 * api_tokens_refused_total{reason}}. The connection pool's figures are {@link PoolMetrics}.
 */
@Provider
public class ApiMetrics implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = ApiMetrics.class.getName() + ".started";
  private static final String OTHER = "other";

  /**
   * The search timer, in the unit that makes every value it exports in seconds, as its name ({@code
   * _seconds}) says and Prometheus expects: {@link TimerUnit} asks the server's exporter which unit
   * that is (nanoseconds up to Payara 6.2025.10 and 7.2025.1, seconds from Payara 7.2026.6 on). A
   * timer registered by name alone gets the unit seconds, which on the older versions wrote {@code
   * _max} and {@code _mean} in nanoseconds beside a {@code _sum} in seconds.
   *
   * <p>The quantiles are switched off for this metric ({@code
   * mp.metrics.distribution.percentiles=api.index.duration=} in {@code
   * microprofile-config.properties}, MicroProfile Metrics 5): the older versions write them
   * unscaled by any unit, in nanoseconds. From 7.2026.6 on Payara writes no {@code _mean}; averages
   * come from {@code rate(_sum)/rate(_count)}. {@code ListeningSocketsIT} fails on a {@code _max}
   * or {@code _mean} that is not in seconds.
   */
  static Metadata indexDuration(String unit) {
    return Metadata.builder()
        .withName("api.index.duration")
        .withDescription("Time from a search's request to its answer")
        .withUnit(unit)
        .build();
  }

  /**
   * Unsatisfied on a server without MicroProfile Metrics (WildFly 39 has Micrometer instead):
   * nothing is counted there.
   */
  @Inject Instance<MetricRegistry> metrics;

  private volatile MetricRegistry registry;

  /** {@link #indexDuration} in the unit of this server, with the registry. */
  private volatile Metadata indexDuration;

  /**
   * The registry's counters and timers by their tags, looked up once: asking the registry builds
   * and hashes a metric id on every request (a fortieth of a view's CPU, JFR). Bounded, because the
   * tags of an unmatched request are {@code other}.
   */
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();

  private final Map<String, Timer> indexDurations = new ConcurrentHashMap<>();

  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MetricRegistry registry = registry();
    if (registry == null) {
      return;
    }
    List<PathSegment> segments = request.getUriInfo().getPathSegments();
    boolean matched = resourceInfo != null && resourceInfo.getResourceMethod() != null;
    String first = segments.isEmpty() ? "" : segments.get(0).getPath();
    String resource = OTHER;
    String verb = OTHER;
    if (matched && first.equals("v2") && segments.size() >= 3) {
      resource = segments.get(1).getPath();
      verb = segments.get(2).getPath();
    } else if (matched && first.equals("realms")) {
      resource = "token-endpoint";
      verb = segments.get(segments.size() - 1).getPath();
    }
    String status = Integer.toString(response.getStatus());
    String method = request.getMethod();
    requestCounter(registry, resource, verb, method, status).inc();
    if (verb.equals("index")
        && !resource.equals(OTHER)
        && request.getProperty(STARTED) instanceof Long started) {
      indexDurations
          .computeIfAbsent(resource, key -> registry.timer(indexDuration, new Tag("resource", key)))
          .update(Duration.ofNanos(System.nanoTime() - started));
    }
    if (resource.equals("token-endpoint") && verb.equals("token") && response.getStatus() != 200) {
      registry.counter("api.logins.refused", new Tag("status", status)).inc();
    }
  }

  /** The server's registry, or null without MicroProfile Metrics; looked up once. */
  private MetricRegistry registry() {
    MetricRegistry found = registry;
    if (found == null && metrics.isResolvable()) {
      found = metrics.get();
      indexDuration = indexDuration(TimerUnit.of(found));
      registry = found;
    }
    return found;
  }

  private Counter requestCounter(
      MetricRegistry registry, String resource, String verb, String method, String status) {
    return requests.computeIfAbsent(
        String.join(" ", resource, verb, method, status),
        key ->
            registry.counter(
                "api.requests",
                new Tag("resource", resource),
                new Tag("verb", verb),
                new Tag("method", method),
                new Tag("status", status)));
  }
}
