package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's metrics on the shared WildFly ({@code -P wildfly}), which has no MicroProfile
 * Metrics: {@code /metrics} on the HTTP port, for an admin only, scraped as Prometheus scrapes it
 * (its {@code Accept} header, the token as a bearer), after a search, a create, a refused token and
 * a refused login. The names and tags are Payara's ({@link ListeningSocketsIT} reads them there),
 * every line is Prometheus's text format, and each count moved by what this class sent. Skipped on
 * Payara.
 */
@ExtendWith(SharedServer.class)
class WildFlyMetricsIT {

  /** What Prometheus 2 and 3 send when they scrape. */
  static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;"
          + "version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

  /** A sample line of the text format: a name, labels, a value (and a timestamp, optionally). */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\""
              + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\")*,?\\})?"
              + " (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");

  private static final Pattern TYPE =
      Pattern.compile(
          "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");

  /** This class's own client address for the login throttle, which counts by name and address. */
  private static final Map<String, String> CLIENT = Map.of("X-Forwarded-For", "192.0.2.77");

  static URI base;
  static ApiClient admin;

  @BeforeAll
  static void onWildFly() {
    assumeTrue(SharedServer.onWildFly(), "WildFly's /metrics; Payara's: ListeningSocketsIT");
    base = SharedServer.base();
    admin = TestWorld.shared().as("admin");
  }

  @Test
  void prometheusReadsTheApisMetricsUnderPayarasNamesAndTheyMove() throws Exception {
    String[] searches = {
      "resource=\"project\"", "verb=\"index\"", "method=\"POST\"", "status=\"200\""
    };
    String[] creates = {
      "resource=\"project\"", "verb=\"create\"", "method=\"POST\"", "status=\"201\""
    };
    String signature = "reason=\"signature\"";
    String refusedLogin = "status=\"401\"";
    String before = scrape();
    double searchesBefore = PrometheusText.valueOrZero(before, "api_requests_total{", searches);
    double timedBefore =
        PrometheusText.valueOrZero(
            before, "api_index_duration_seconds_count{", "resource=\"project\"");
    double createsBefore = PrometheusText.valueOrZero(before, "api_requests_total{", creates);
    double refusedBefore =
        PrometheusText.valueOrZero(before, "api_tokens_refused_total{", signature);
    double loginsBefore =
        PrometheusText.valueOrZero(before, "api_logins_refused_total{", refusedLogin);

    assertEquals(200, admin.index("project", JsonValue.EMPTY_JSON_OBJECT).status());
    String project = UUID.randomUUID().toString();
    TestWorld.shared().project(admin, TestData.project(project, "Metrics " + project));
    String forged = Tokens.signedByStranger("admin", List.of("admin"), List.of());
    Reply refused =
        new ApiClient(base, null).as(forged).index("project", JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(401, refused.status(), refused.body());
    Reply login =
        new ApiClient(base, null)
            .passwordGrant("metrics-nobody-" + UUID.randomUUID(), "not-the-password", CLIENT);
    assertEquals(401, login.status(), login.body());

    String after = scrape();
    assertEquals(
        searchesBefore + 1, PrometheusText.value(after, "api_requests_total{", searches), after);
    assertEquals(
        timedBefore + 1,
        PrometheusText.value(after, "api_index_duration_seconds_count{", "resource=\"project\""),
        after);
    PrometheusText.searchDurationsAreInSeconds(after, "project");
    assertEquals(
        createsBefore + 1, PrometheusText.value(after, "api_requests_total{", creates), after);
    assertEquals(
        refusedBefore + 1,
        PrometheusText.value(after, "api_tokens_refused_total{", signature),
        after);
    assertEquals(
        loginsBefore + 1,
        PrometheusText.value(after, "api_logins_refused_total{", refusedLogin),
        after);
    assertFalse(after.contains(forged), "no token in the metrics");
    // the labels are Payara's, its mp_scope too, and nothing else (no WF_DEPLOYMENT)
    String scope = "mp_scope=\"application\",";
    for (String line : after.lines().filter(line -> line.startsWith("api_")).toList()) {
      assertTrue(
          line.matches(
              "api_(requests_total\\{method=\"[A-Z]+\","
                  + scope
                  + "resource=\"[^\"]+\",status=\"\\d{3}\",verb=\"[^\"]+\"\\}"
                  + "|index_duration_seconds_(count|sum|max)\\{"
                  + scope
                  + "resource=\"[^\"]+\"\\}"
                  + "|logins_refused_total\\{"
                  + scope
                  + "status=\"\\d{3}\"\\}"
                  + "|tokens_refused_total\\{"
                  + scope
                  + "reason=\"[a-z_]+\"\\}) \\S+"),
          line);
    }
    for (String line : after.lines().filter(line -> line.startsWith("pool_")).toList()) {
      assertTrue(line.contains(scope), line);
    }
    PrometheusText.assertServicesPool(after);
  }

  /** Only an admin reads them: 401 without a token, 403 for a writer. */
  @Test
  void theMetricsAreAnAdminsOnly() {
    ApiClient anonymous = new ApiClient(base, null);
    Reply refused = anonymous.get("metrics");
    assertEquals(401, refused.status(), refused.body());
    assertEquals("Bearer", refused.header("WWW-Authenticate").orElse(null));
    assertFalse(refused.body().contains("api_requests_total"), refused.body());
    Reply forbidden = TestWorld.shared().as("writer").get("metrics");
    assertEquals(403, forbidden.status(), forbidden.body());
    assertFalse(forbidden.body().contains("api_requests_total"), forbidden.body());
    assertEquals(
        200, anonymous.get("metrics?access-token=" + ApiClient.enc(admin.token())).status());
  }

  /**
   * {@code /metrics} as Prometheus reads it: its {@code Accept} header and the admin's token as a
   * bearer, a 200 in the text format it asked for, every line a comment or a sample of a declared
   * type.
   */
  static String scrape() throws IOException, InterruptedException {
    HttpResponse<String> reply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("metrics"))
                    .header("Accept", PROMETHEUS_ACCEPT)
                    .header("Authorization", "Bearer " + admin.token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reply.statusCode(), reply.body());
    String type = reply.headers().firstValue("Content-Type").orElse("");
    assertTrue(
        type.startsWith("text/plain") && type.contains("version=0.0.4"), "Content-Type " + type);
    List<String> declared = new ArrayList<>();
    for (String line : reply.body().lines().toList()) {
      Matcher typed = TYPE.matcher(line);
      if (typed.matches()) {
        declared.add(typed.group(1));
        continue;
      }
      if (line.startsWith("# HELP ") || line.isBlank()) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertTrue(sample.matches(), "not a sample of the text format: " + line);
      String name = sample.group(1);
      assertTrue(
          declared.stream().anyMatch(name::startsWith), "no # TYPE before the sample " + line);
    }
    return reply.body();
  }
}
