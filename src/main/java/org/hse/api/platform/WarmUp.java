package org.hse.api.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.hse.api.tokens.TokenService;
import org.hse.api.tokens.UserAccount;

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
 * <p>What it sends is what a client's reads are: the first project, a page of its links, incidents
 * and actions with their exact totals, every item of those pages viewed, the links of one incident,
 * and a create of an empty link, which is refused (422) before anything is written. Nothing is
 * changed. It signs its requests with a token of the built-in endpoint's keys, in the admin role,
 * that never leaves the process; with an external issuer (the endpoint off) it skips, with a line
 * in the log. It sends to this server's own listener ({@link OwnServer}), or to {@code warmup.url}
 * ({@code WARMUP_URL}) where that is not where the requests arrive (Payara's {@code --port}). The
 * requests show in the access log and in the API's metrics, from {@code 127.0.0.1}.
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
  private static final Duration TOKEN_RENEWAL = Duration.ofSeconds(60);
  private static final List<Reads> RESOURCES =
      List.of(
          new Reads("incident-action", "office_incident_action_id"),
          new Reads("incident", "office_incident_id"),
          new Reads("action", "action_id"));

  @Inject TokenService tokens;

  @Inject ShutdownSignal shutdown;

  @Resource ManagedThreadFactory threads;

  private volatile boolean done;

  /**
   * Made when the warm-up runs, not with the bean: a client keeps a selector thread for as long as
   * it is reachable, which a server without a warm-up has no use for.
   */
  private HttpClient http;

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
                    .orElseGet(() -> OwnServer.address(config) + contextPath)
                    .replaceAll("/+$", "")
                + "/");
    Thread coordinator =
        threads.newThread(
            () -> {
              try {
                run(base, Duration.ofSeconds(seconds));
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Warm-up stopped by an error; ready without it", e);
              } finally {
                http = null;
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
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    Instant firstAnswer = awaitFirstAnswer(base);
    if (firstAnswer == null) {
      LOG.warning(
          () ->
              "Warm-up skipped: "
                  + base
                  + " did not answer within "
                  + FIRST_ANSWER.toSeconds()
                  + " s; set warmup.url (WARMUP_URL) to where this server listens");
      return;
    }
    statuses.clear();
    int clients = Math.min(MAX_CLIENTS, Runtime.getRuntime().availableProcessors());
    LOG.info(
        () ->
            "Warm-up: "
                + clients
                + " clients read through "
                + base
                + " for "
                + length.toSeconds()
                + " s; /health/ready answers DOWN until then");
    Instant start = Instant.now();
    Instant deadline = start.plus(length);
    ExecutorService pool = Executors.newFixedThreadPool(clients, threads);
    try {
      for (int i = 0; i < clients; i++) {
        pool.submit(() -> readUntil(base, deadline));
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

  /** When the application first answered a request of the warm-up, or null if it did not. */
  private Instant awaitFirstAnswer(URI base) {
    Instant deadline = Instant.now().plus(FIRST_ANSWER);
    String token = token();
    while (Instant.now().isBefore(deadline) && !shutdown.stopping()) {
      if (send(base, "GET", "v2/project/index?per-page=1", token).status() == 200) {
        return Instant.now();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  /** One client: the cycle of reads again and again until the deadline. */
  private void readUntil(URI base, Instant deadline) {
    String token = token();
    Instant renewal = Instant.now().plus(TOKEN_RENEWAL);
    while (Instant.now().isBefore(deadline) && !shutdown.stopping()) {
      if (Instant.now().isAfter(renewal)) {
        token = token();
        renewal = Instant.now().plus(TOKEN_RENEWAL);
      }
      cycle(base, token);
    }
  }

  private void cycle(URI base, String token) {
    Optional<String> project =
        firstString(send(base, "GET", "v2/project/index?per-page=1", token), "project_id");
    String scope = project.map(id -> "&filter[tenant_id]=" + encode(id)).orElse("");
    for (Reads resource : RESOURCES) {
      Answer page =
          send(base, "GET", "v2/" + resource.path() + "/index?per-page=20" + scope, token);
      for (JsonValue item : page.items()) {
        if (item instanceof JsonObject object && object.get(resource.id()) != null) {
          send(
              base,
              "GET",
              "v2/" + resource.path() + "/view/" + encode(object.getString(resource.id(), "")),
              token);
        }
      }
    }
    firstString(
            send(base, "GET", "v2/incident-action/index?per-page=1" + scope, token),
            "office_incident_id")
        .ifPresent(
            incident ->
                send(
                    base,
                    "GET",
                    "v2/incident-action/index?per-page=20&sort=action_name&filter[office_incident_id]="
                        + encode(incident),
                    token));
    send(base, "POST", "v2/incident-action/create", token);
  }

  private String token() {
    return tokens
        .issuer()
        .issue(new UserAccount("warm-up", "", List.of("admin"), List.of()))
        .accessToken();
  }

  /** A status and a body; status -1 without an answer. */
  private record Answer(int status, String body) {

    JsonArray items() {
      if (status != 200 || !body.startsWith("[")) {
        return JsonValue.EMPTY_JSON_ARRAY;
      }
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readArray();
      }
    }
  }

  private Answer send(URI base, String method, String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (method.equals("POST")) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{}"));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      statuses.computeIfAbsent(response.statusCode(), status -> new LongAdder()).increment();
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(-1, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "");
    }
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
