package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator reads in WildFly's log from the start of the shared WildFly ({@code -P wildfly})
 * to its {@code WFLYSRV0025} (started, the WAR deployed): no error, and no warning but the two that
 * {@code docs/wildfly.md} explains and leaves, {@code WFLYTX0013} (the transaction manager's node
 * identifier, which an operator of several instances sets per instance) and {@code WFLYMPOAI0007}
 * (the host-level OpenAPI endpoint moved off {@code /openapi}, so that the WAR's own document is
 * served there). Each warning this test saw go is a cause that {@code configure.cli} or the WAR
 * removed: elytron's unused key store ({@code WFLYELY00023}, {@code WFLYELY01084}), a static method
 * on an enterprise bean ({@code WFLYEJB0131}), JSON-B turned off for Flyway's Jackson annotations
 * ({@code WFLYRS0018}), the pool metrics' Payara lookup, EclipseLink's class of an Oracle driver
 * that is not there. Skipped on Payara, whose start log is {@link ServerLogIT}'s.
 */
@ExtendWith(SharedServer.class)
class WildFlyStartLogIT {

  private static final List<String> EXPLAINED = List.of("WFLYTX0013", "WFLYMPOAI0007");

  private static final Pattern WARNING_OR_WORSE =
      Pattern.compile("^\\S+ (WARN|WARNING|ERROR|SEVERE|FATAL) .*");

  @Test
  void theStartLogWarnsOfNothingButWhatTheDocsExplain() throws Exception {
    assumeTrue(SharedServer.onWildFly(), "WildFly's log; Payara's: ServerLogIT");
    List<String> lines =
        SharedServer.logSince(0)
            .lines()
            .map(line -> line.replaceAll("\u001b\\[[0-9;]*m", ""))
            .toList();
    int started = -1;
    for (int i = 0; i < lines.size() && started < 0; i++) {
      if (lines.get(i).contains("WFLYSRV0025")) {
        started = i;
      }
    }
    assertTrue(started >= 0, "no WFLYSRV0025 (started) in the log");
    List<String> unexplained =
        lines.subList(0, started + 1).stream()
            .filter(line -> WARNING_OR_WORSE.matcher(line).matches())
            .filter(line -> EXPLAINED.stream().noneMatch(line::contains))
            .toList();
    assertEquals(List.of(), unexplained, "warnings and errors at start");
  }
}
