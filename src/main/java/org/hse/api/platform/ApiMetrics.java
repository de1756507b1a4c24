package org.hse.api.platform;

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
import org.hse.api.metrics.Meters;
import org.hse.api.metrics.Meters.Tag;

/**
 * The API's own metrics, on {@code /metrics} beside the server's (Payara: application scope) or
 * alone (WildFly), under the same names on both ({@link Meters}):
 *
 * <ul>
 *   <li>{@code api_requests_total{resource, verb, method, status}}: every answer of the JAX-RS
 *       application, by resource ({@code incident-action}, ...), verb ({@code index}, {@code
 *       create}, ...), HTTP method and status. A request that matched no resource method counts as
 *       resource and verb {@code other}, so a scanner cannot make the tags grow without bound.
 *   <li>{@code api_index_duration_seconds{resource}}: the time from the request to the answer of
 *       every search ({@code index}): {@code _count}, {@code _sum} and {@code _max} (and {@code
 *       _mean} where Payara writes one), all in seconds, and no quantiles ({@code
 *       MicroProfileMeters} says why).
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

  @Inject Meters meters;

  /**
   * The counters and timers by their tags, looked up once: asking the registry builds and hashes a
   * metric id on every request (a fortieth of a view's CPU, JFR). Bounded, because the tags of an
   * unmatched request are {@code other}.
   */
  private final Map<String, Meters.Counter> requests = new ConcurrentHashMap<>();

  private final Map<String, Meters.Timer> indexDurations = new ConcurrentHashMap<>();

  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
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
    requestCounter(resource, verb, method, status).increment();
    if (verb.equals("index")
        && !resource.equals(OTHER)
        && request.getProperty(STARTED) instanceof Long started) {
      indexDurations
          .computeIfAbsent(
              resource,
              key ->
                  meters.timer(
                      "api.index.duration",
                      "Time from a search's request to its answer",
                      new Tag("resource", key)))
          .record(Duration.ofNanos(System.nanoTime() - started));
    }
    if (resource.equals("token-endpoint") && verb.equals("token") && response.getStatus() != 200) {
      meters
          .counter(
              "api.logins.refused",
              "Answers of the token endpoint that gave no token",
              new Tag("status", status))
          .increment();
    }
  }

  private Meters.Counter requestCounter(
      String resource, String verb, String method, String status) {
    return requests.computeIfAbsent(
        String.join(" ", resource, verb, method, status),
        key ->
            meters.counter(
                "api.requests",
                "Answers of the API, by resource, verb, HTTP method and status",
                new Tag("resource", resource),
                new Tag("verb", verb),
                new Tag("method", method),
                new Tag("status", status)));
  }
}
