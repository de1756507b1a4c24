package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code /metrics} answer read as a scraper reads it, one sample line by its name and labels:
 * what {@link ListeningSocketsIT} (Payara) and {@link WildFlyMetricsIT} (WildFly) ask of the same
 * metrics.
 */
final class PrometheusText {

  private PrometheusText() {}

  /** The value of the one sample line of the metric with these labels. */
  static double value(String body, String metric, String... labels) {
    List<String> lines = lines(body, metric, labels);
    assertEquals(1, lines.size(), metric + " with " + List.of(labels) + " in:\n" + body);
    String line = lines.get(0);
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  /** The value of the one sample line of the metric with these labels, 0 when there is none. */
  static double valueOrZero(String body, String metric, String... labels) {
    return lines(body, metric, labels).isEmpty() ? 0 : value(body, metric, labels);
  }

  /** The one sample line of the metric with these labels has a value above zero. */
  static void assertPositive(String body, String metric, String... labels) {
    assertTrue(value(body, metric, labels) > 0, metric + " with " + List.of(labels) + " > 0");
  }

  /**
   * Every value of {@code api_index_duration_seconds} is in seconds, as its name says and as
   * Prometheus expects: the longest search is no longer than all of them together ({@code _sum},
   * which Payara always writes in seconds) and under a minute, and the mean (which Payara writes up
   * to 6.2025.10 and 7.2025.1, not from 7.2026.6 on) and every quantile lie between zero and it. A
   * timer whose samples went out in nanoseconds (Payara's default unit for a timer registered by
   * name, up to those versions) had a {@code _max} of some 10^7 beside a {@code _sum} of 0.07; the
   * unit nanoseconds on Payara 7.2026.6 and later makes {@code _max} 0.
   */
  static void searchDurationsAreInSeconds(String body, String resource) {
    String label = "resource=\"" + resource + "\"";
    double count = value(body, "api_index_duration_seconds_count{", label);
    double sum = value(body, "api_index_duration_seconds_sum{", label);
    double max = value(body, "api_index_duration_seconds_max{", label);
    assertTrue(count >= 1 && sum > 0, "count " + count + ", sum " + sum);
    assertTrue(max > 0 && max < 60, "_max in seconds: " + max + "\n" + body);
    // one search is at most all of them, and at least their average (1e-9: rounding)
    assertTrue(max <= sum * (1 + 1e-9), "_max " + max + " > _sum " + sum);
    assertTrue(max >= sum / count * (1 - 1e-9), "_max " + max + " < _sum/_count " + sum / count);
    List<String> others =
        body.lines()
            .filter(
                line ->
                    line.startsWith("api_index_duration_seconds_mean{")
                        || line.startsWith("api_index_duration_seconds{"))
            .filter(line -> line.contains(label))
            .toList();
    for (String line : others) {
      double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      assertTrue(value > 0 && value <= max * (1 + 1e-9), line + " beside _max " + max);
    }
  }

  /**
   * The service's pool, named after its data source and database: 32 connections at most, and some
   * open. Its labels.
   */
  static String[] assertServicesPool(String body) {
    String database = FreshDatabase.onPostgres() ? "postgresql" : "h2";
    String[] pool = {"pool=\"java:app/jdbc/incidents\"", "database=\"" + database + "\""};
    assertEquals(32, value(body, "pool_connections_max{", pool), body);
    double open =
        value(body, "pool_connections_used{", pool) + value(body, "pool_connections_free{", pool);
    assertTrue(open >= 1, "the pool holds connections: " + open + "\n" + body);
    return pool;
  }

  private static List<String> lines(String body, String metric, String... labels) {
    return body.lines()
        .filter(line -> line.startsWith(metric))
        .filter(line -> Stream.of(labels).allMatch(line::contains))
        .toList();
  }
}
