package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hse.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator reads in the log of the runnable jar started the README's way ({@link
 * ReadmeServer}, with the access log switched on as the README says): a start without warnings that
 * are not the service's own and without colour codes, one line per refused token that names its
 * class, the request and the client but never the token, and an access log that never records a
 * query string (where a token given as {@code access-token} would be).
 */
@ExtendWith(ReadmeServer.class)
class ServerLogIT {

  /** A record of the runnable jar's text format: {@code <time> <LEVEL> [<logger>] <message>}. */
  private static final Pattern RECORD =
      Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+) ([A-Z]+) \\[([^]]*)\\] ");

  /** The loggers whose warnings are the service's own (the demo data, the demo users). */
  private static final String SERVICE_LOGGERS = "org.hse.api.";

  /**
   * Payara Micro 7's own warning about its own defaults, at the first request to any application
   * (docs/payara7.md): the root context's path as its web security reads it. Nothing else of
   * Payara's may warn, on 6 nothing at all. (7.2025.1 also warned that no authorization policy
   * provider was configured; 7.2026.11 loads its default one.)
   */
  private static final List<String> PAYARA7_DEFAULTS =
      List.of("Context path from ServletContext:  differs from path from bundle: /");

  private static URI base;

  private static Path log;

  @BeforeAll
  static void server() {
    base = ReadmeServer.base();
    log = ReadmeServer.server().log();
  }

  @Test
  void aStartWritesNoColourCodesAndNoWarningThatIsNotTheServices() {
    String start = read(log);
    assertFalse(start.contains("\u001b["), "ANSI colour codes in " + log);
    List<String> foreign =
        records(start).stream()
            .filter(r -> r.level().equals("WARNING") || r.level().equals("SEVERE"))
            .filter(r -> !r.logger().startsWith(SERVICE_LOGGERS))
            .filter(r -> PAYARA7_DEFAULTS.stream().noneMatch(r.text()::contains))
            .map(LogRecord::text)
            .toList();
    assertEquals(List.of(), foreign, "warnings of the start that are not the service's");
    assertFalse(start.contains("\n\tat "), "a stack trace in the start's log");
  }

  @Test
  void aRefusedTokenIsOneLineWithItsClassPathAndClientButNotTheToken() throws Exception {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.bm90LWEtc2lnbmF0dXJl";
    long before = Files.size(log);
    Reply refused = new ApiClient(base, token).get("v2/incident-action/index");
    assertEquals(401, refused.status(), refused.body());
    List<String> lines = newLines(before, text -> text.contains("v2/incident-action/index"));
    assertEquals(1, lines.size(), "lines about the refused token: " + lines);
    String line = lines.get(0);
    assertTrue(
        line.matches(
            "\\S+ INFO \\[org\\.hse\\.api\\.security\\.TokenRefusals\\] Token refused:"
                + " reason=missing_claim method=GET path=/v2/incident-action/index"
                + " client=127\\.0\\.0\\.1"),
        "one line: the class, the request and the client: " + line);
    String tail = tail(before);
    assertFalse(tail.contains(token.substring(0, 20)), "the token in the log: " + tail);
    assertFalse(tail.contains(token.substring(40)), "the token's signature in the log: " + tail);
    assertFalse(tail.contains("\n\tat "), "a stack trace for a refused token: " + tail);
  }

  /**
   * A role that a boundary's {@code @RolesAllowed} refuses is an answer (403), not a failure: the
   * server logs neither a warning nor a stack trace for it (Payara logged 89 lines for each).
   */
  @Test
  void aRefusedRoleLeavesNoWarningAndNoStackTrace() throws Exception {
    String token = ApiClient.login(base, "alice", "demo-alice-pass");
    long before = Files.size(log);
    Reply refused =
        new ApiClient(base, token)
            .post(
                "v2/project/create",
                TestData.project("99999999-9999-4999-8999-999999999999", "Not hers")
                    .build()
                    .toString());
    assertEquals(403, refused.status(), refused.body());
    String tail = tail(before);
    assertFalse(tail.contains("\n\tat "), "a stack trace for a refused role: " + tail);
    assertEquals(
        List.of(),
        records(tail).stream()
            .filter(r -> r.level().equals("WARNING") || r.level().equals("SEVERE"))
            .map(LogRecord::text)
            .toList(),
        "warnings for a refused role");
  }

  @Test
  void theAccessLogRecordsThePathButNeverTheQueryString() throws Exception {
    String secret = "not-a-token-" + Instant.now().toEpochMilli();
    Reply refused = new ApiClient(base, null).get("v2/incident/index?access-token=" + secret);
    assertEquals(401, refused.status(), refused.body());
    List<String> entries = awaitAccessLog(line -> line.contains("/v2/incident/index"));
    assertFalse(entries.isEmpty(), "no access log entry for the request");
    for (String entry : entries) {
      assertTrue(entry.contains("\"GET\" \"/v2/incident/index\""), entry);
      assertTrue(entry.contains(" 401 "), entry);
      assertFalse(entry.contains("access-token"), entry);
      assertFalse(entry.contains(secret), entry);
    }
  }

  private static List<String> awaitAccessLog(Predicate<String> wanted) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    List<String> found = List.of();
    while (found.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      try (Stream<Path> files = Files.list(ReadmeServer.accessLogDir())) {
        found = files.flatMap(file -> read(file).lines()).filter(wanted).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** The records written after {@code offset} whose text matches, once the server wrote them. */
  private static List<String> newLines(long offset, Predicate<String> wanted)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    List<String> found = List.of();
    while (Instant.now().isBefore(deadline)) {
      found = records(tail(offset)).stream().map(LogRecord::text).filter(wanted).toList();
      if (!found.isEmpty()) {
        Thread.sleep(500);
        return records(tail(offset)).stream().map(LogRecord::text).filter(wanted).toList();
      }
      Thread.sleep(100);
    }
    return found;
  }

  private static String tail(long offset) {
    try {
      byte[] all = Files.readAllBytes(log);
      return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log's records: a line that starts one, and the lines that continue it. */
  static List<LogRecord> records(String text) {
    List<LogRecord> records = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher start = RECORD.matcher(line);
      if (start.find()) {
        records.add(new LogRecord(start.group(2), start.group(3), new StringBuilder(line)));
      } else if (!records.isEmpty()) {
        records.get(records.size() - 1).lines().append('\n').append(line);
      }
    }
    return records;
  }

  /** One record of the log: its level, its logger and its lines. */
  record LogRecord(String level, String logger, StringBuilder lines) {
    String text() {
      return lines.toString();
    }
  }
}
