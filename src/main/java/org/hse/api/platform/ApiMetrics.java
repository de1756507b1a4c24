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
 *       every search ({@code index}).
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
   * Unsatisfied on a server without MicroProfile Metrics (WildFly 39 has Micrometer instead):
   * nothing is counted there.
   */
  @Inject Instance<MetricRegistry> metrics;

  private volatile MetricRegistry registry;

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
          .computeIfAbsent(
              resource, key -> registry.timer("api.index.duration", new Tag("resource", key)))
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
