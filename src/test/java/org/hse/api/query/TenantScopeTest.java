package org.hse.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hse.api.security.Caller;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantScope} is the one owner of tenant isolation: what condition it writes for each kind
 * of caller, and that no other class of the sources reads a caller's tenants or admin role to scope
 * a query, or writes a tenant condition of its own. {@code BoundaryIT} proves on the SQL of every
 * query kind that the condition is there.
 */
class TenantScopeTest {

  private static final Path SOURCES = Path.of("src/main/java/org/hse/api");

  @Test
  void aCallerOfOneTenantIsConfinedToIt() {
    TenantScope scope = TenantScope.of(new Caller("w", Set.of(Caller.WRITER), Set.of("p1")));
    SqlParameters sql = new SqlParameters();
    assertEquals(Optional.of("e.project_id IN (?1)"), scope.condition("e.project_id", sql));
    assertTrue(scope.sees("p1"));
    assertFalse(scope.sees("p2"));
    assertFalse(scope.sees(null));
    assertTrue(scope.isOneTenant());
    assertFalse(scope.isEveryTenant());
    assertFalse(scope.isEmpty());
  }

  @Test
  void aJpqlQueryNamesTheTenantsOnceHoweverOftenItAsks() {
    TenantScope scope = TenantScope.of(new Caller("r", Set.of(Caller.READER), Set.of("p1", "p2")));
    Jpql jpql = new Jpql();
    assertEquals(" AND e.projectId IN :tenants", scope.and("e.projectId", jpql));
    assertEquals(" AND j0.projectId IN :tenants", scope.and("j0.projectId", jpql));
    assertFalse(scope.isOneTenant());
  }

  @Test
  void anAdminSeesEveryTenantWithoutACondition() {
    TenantScope scope = TenantScope.of(new Caller("a", Set.of(Caller.ADMIN), Set.of("p1")));
    assertTrue(scope.isEveryTenant());
    assertEquals(Optional.empty(), scope.condition("e.project_id", new SqlParameters()));
    assertEquals("", scope.and("e.project_id", new Jpql()));
    assertTrue(scope.sees("p2"));
    assertFalse(scope.isOneTenant());
  }

  @Test
  void aCallerWithoutTenantsSeesNothing() {
    TenantScope scope = TenantScope.of(new Caller("n", Set.of(Caller.WRITER), Set.of()));
    assertTrue(scope.isEmpty());
    assertFalse(scope.sees("p1"));
  }

  /**
   * Outside {@link TenantScope}, no class reads a {@code Caller}'s tenants, and only the metrics'
   * gate asks whether the caller is an admin (to show metrics, not to scope items); no query text
   * names a tenant column with {@code IN} of its own.
   */
  @Test
  void noOtherClassScopesByTenant() throws IOException {
    Pattern tenantsRead = Pattern.compile("\\b(caller|who|jpql\\.caller\\(\\))\\.tenants\\(\\)");
    Pattern adminRead = Pattern.compile("\\.isAdmin\\(\\)");
    Pattern ownCondition =
        Pattern.compile("(?i)(project_?id|tenant_id)\\s*\\\"?\\s*\\+?\\s*\\\"?\\s+IN\\b");
    Set<String> mayAskForAdmin =
        Set.of("query/TenantScope.java", "platform/MetricsAccess.java", "security/Caller.java");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = SOURCES.relativize(file).toString();
        if (name.equals("query/TenantScope.java")) {
          continue;
        }
        String text = Files.readString(file);
        addMatches(found, name, tenantsRead.matcher(text));
        addMatches(found, name, ownCondition.matcher(text));
        if (!mayAskForAdmin.contains(name)) {
          addMatches(found, name, adminRead.matcher(text));
        }
      }
    }
    assertEquals(List.of(), found);
  }

  private static void addMatches(List<String> found, String file, Matcher matcher) {
    while (matcher.find()) {
      found.add(file + ": " + matcher.group());
    }
  }
}
