package org.hse.api.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hse.api.tokens.OwnServer;
import org.hse.api.tokens.SelfRequests;
import org.hse.api.tokens.SelfRequests.Answer;
import org.hse.api.tokens.TokenService;

/**
 * A warm-up the server runs on itself before it reports ready ({@code warmup.seconds}, {@code
 * WARMUP_SECONDS}; off by default): for that many seconds, as many clients as it has cores (at most
 * {@value #MAX_CLIENTS}) read through the API over HTTP, and {@code /health/ready} stays DOWN until
 * they are done.
 *
 * <p>Why: a fresh JVM serves at a fraction of its speed until the JIT has compiled the request
 * path, which on 2 cores takes about two minutes of load ({@code bench/RESULTS.md}). Behind a
 * balancer, a new instance of a rolling deploy took its share of traffic at that speed; with the
 * warm-up the old instances serve meanwhile, and the new one joins compiled.
 *
 * <p>What it sends is what a client's reads are: once the first project has been read, again and
 * again a page of that project's links, incidents and actions with their exact totals, every item
 * of those pages viewed, the links of one incident, and a create of an empty link, which is refused
 * (422) before anything is written. Nothing is changed. It signs its requests with a token of the
 * built-in endpoint's keys, in the admin role, that never leaves the process ({@link
 * SelfRequests}); with an external issuer (the endpoint off) it skips, with a line in the log. It
 * sends to this server's own listener ({@link OwnServer}), or to {@code warmup.url} ({@code
 * WARMUP_URL}) where that is not where the requests arrive (Payara's {@code --port}). The requests
 * show in the access log and in the API's metrics, from {@code 127.0.0.1}.
 */
@ApplicationScoped
public class WarmUp {

  private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

  static final String SECONDS = "warmup.seconds";
  static final String URL = "warmup.url";
  static final int MAX_CLIENTS = 4;

  /** How long the warm-up waits for the first answer of the application before it gives up. */
  static final Duration FIRST_ANSWER = Duration.ofSeconds(120);

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String FIRST_PROJECT = "v2/project/index?per-page=1";
  private static final List<Reads> RESOURCES =
      List.of(
          new Reads("incident-action", "office_incident_action_id"),
          new Reads("incident", "office_incident_id"),
          new Reads("action", "action_id"));

  @Inject TokenService tokens;

  @Inject ShutdownSignal shutdown;

  @Resource ManagedThreadFactory threads;

  private volatile boolean done;

  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

  /** A resource the warm-up reads, with the name of its id field. */
  private record Reads(String path, String id) {}

  /** Whether the warm-up is over, or was never asked for: part of readiness. */
  public boolean done() {
    return done;
  }

  /** Starts the warm-up, when asked for, as the application has started. */
  void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
    Config config = ConfigProvider.getConfig();
    int seconds = config.getOptionalValue(SECONDS, Integer.class).orElse(0);
    if (seconds <= 0) {
      done = true;
      return;
    }
    String contextPath =
        application instanceof ServletContext context ? context.getContextPath() : "";
    URI base =
        URI.create(
            config
                .getOptionalValue(URL, String.class)
                .orElseGet(() -> OwnServer.address(config) + contextPath));
    Thread coordinator =
        threads.newThread(
            () -> {
              try {
                run(base, Duration.ofSeconds(seconds));
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Warm-up stopped by an error; ready without it", e);
              } finally {
                done = true;
              }
            });
    coordinator.setName("incident-actions-warm-up");
    coordinator.start();
  }

  private void run(URI base, Duration length) {
    if (!tokens.settings().endpointEnabled() || tokens.settings().issuer() == null) {
      LOG.info(
          "Warm-up skipped: it signs its requests with the built-in token endpoint's keys, and"
              + " the endpoint is off (an external issuer)");
      return;
    }
    SelfRequests self = SelfRequests.as(tokens, "warm-up", List.of("admin"), base, TIMEOUT);
    Optional<Answer> firstAnswer = awaitFirstAnswer(self);
    if (firstAnswer.isEmpty()) {
      LOG.warning(
          () ->
              "Warm-up skipped: "
                  + self.base()
                  + " did not answer within "
                  + FIRST_ANSWER.toSeconds()
                  + " s; set warmup.url (WARMUP_URL) to where this server listens");
      return;
    }
    String scope =
        firstString(firstAnswer.get(), "project_id")
            .map(project -> "&filter[tenant_id]=" + encode(project))
            .orElse("");
    statuses.clear();
    int clients = Math.min(MAX_CLIENTS, Runtime.getRuntime().availableProcessors());
    LOG.info(
        () ->
            "Warm-up: "
                + clients
                + " clients read through "
                + self.base()
                + " for "
                + length.toSeconds()
                + " s; /health/ready answers DOWN until then");
    Instant start = Instant.now();
    Instant deadline = start.plus(length);
    ExecutorService pool = Executors.newFixedThreadPool(clients, threads);
    try {
      for (int i = 0; i < clients; i++) {
        pool.submit(() -> readUntil(self, scope, deadline));
      }
      pool.shutdown();
      pool.awaitTermination(length.plus(TIMEOUT).toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    long total = statuses.values().stream().mapToLong(LongAdder::sum).sum();
    LOG.info(
        () ->
            "Warm-up done: "
                + total
                + " requests in "
                + Duration.between(start, Instant.now()).toSeconds()
                + " s, by status "
                + new TreeMap<>(
                    statuses.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())))
                + "; /health/ready follows the other checks now");
  }

  /**
   * The first 200 of the application to a read of its first project, or none if it gave none within
   * {@link #FIRST_ANSWER}.
   */
  private Optional<Answer> awaitFirstAnswer(SelfRequests self) {
    Instant deadline = Instant.now().plus(FIRST_ANSWER);
    while (Instant.now().isBefore(deadline) && !shutdown.stopping()) {
      Answer answer = self.get(FIRST_PROJECT);
      if (answer.status() == 200) {
        return Optional.of(answer);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * One client: the cycle of reads again and again until the deadline, within {@code scope} (a
   * filter on the first project's tenant, or none when there is no project).
   */
  private void readUntil(SelfRequests self, String scope, Instant deadline) {
    while (Instant.now().isBefore(deadline) && !shutdown.stopping()) {
      cycle(self, scope);
    }
  }

  private void cycle(SelfRequests self, String scope) {
    for (Reads resource : RESOURCES) {
      Answer page = counted(self.get("v2/" + resource.path() + "/index?per-page=20" + scope));
      for (JsonValue item : page.items()) {
        if (item instanceof JsonObject object && object.get(resource.id()) != null) {
          counted(
              self.get(
                  "v2/"
                      + resource.path()
                      + "/view/"
                      + encode(object.getString(resource.id(), ""))));
        }
      }
    }
    firstString(
            counted(self.get("v2/incident-action/index?per-page=1" + scope)), "office_incident_id")
        .ifPresent(
            incident ->
                counted(
                    self.get(
                        "v2/incident-action/index?per-page=20&sort=action_name"
                            + "&filter[office_incident_id]="
                            + encode(incident))));
    counted(self.post("v2/incident-action/create", "{}"));
  }

  /** The answer, counted by its status for the log's last line. */
  private Answer counted(Answer answer) {
    if (answer.answered()) {
      statuses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
    }
    return answer;
  }

  private static Optional<String> firstString(Answer answer, String field) {
    JsonArray items = answer.items();
    return items.isEmpty() || !(items.get(0) instanceof JsonObject first)
        ? Optional.empty()
        : Optional.ofNullable(first.getString(field, null));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
