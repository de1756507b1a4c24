package org.hse.api.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ForbiddenException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import org.hse.api.action.boundary.Actions;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.boundary.Offices;
import org.hse.api.tenancy.boundary.Projects;
import org.junit.jupiter.api.Test;

/** Which role may read and write, as the contract lists them, and that no verb goes unchecked. */
class RoleCheckTest {

  private static Caller with(String... roles) {
    return new Caller("someone", Set.of(roles), Set.of());
  }

  @Test
  void readersReadWritersWriteAndOnlyAdminsWriteProjectsAndOffices() {
    for (Caller caller : new Caller[] {with("reader"), with("writer"), with("admin")}) {
      assertDoesNotThrow(() -> RoleCheck.require(caller, Right.READ, false, "action"));
      assertDoesNotThrow(() -> RoleCheck.require(caller, Right.READ, true, "office"));
    }
    assertDoesNotThrow(() -> RoleCheck.require(with("writer"), Right.WRITE, false, "action"));
    assertDoesNotThrow(() -> RoleCheck.require(with("admin"), Right.WRITE, true, "office"));
    assertRefused(with("reader"), Right.WRITE, false, "Your role may not change action items.");
    assertRefused(with("writer"), Right.WRITE, true, "Your role may not change office items.");
    assertRefused(with(), Right.READ, false, "Your role may not read action items.");
    assertRefused(with("auditor"), Right.READ, false, "Your role may not read action items.");
    assertRefused(with(), Right.WRITE, false, "Your role may not change action items.");
  }

  @Test
  void everyVerbThatTakesACallerNeedsARight() {
    long verbs = 0;
    for (Method method : V2Store.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && Arrays.asList(method.getParameterTypes()).contains(Caller.class)) {
        assertNotNull(method.getAnnotation(Needs.class), method.toString());
        verbs++;
      }
    }
    assertEquals(8, verbs);
  }

  @Test
  void projectsAndOfficesAreWrittenByAdmins() {
    assertTrue(Projects.class.isAnnotationPresent(WrittenByAdmins.class));
    assertTrue(Offices.class.isAnnotationPresent(WrittenByAdmins.class));
    assertTrue(!Actions.class.isAnnotationPresent(WrittenByAdmins.class));
  }

  private static void assertRefused(Caller caller, Right right, boolean adminsWrite, String why) {
    String type = adminsWrite ? "office" : "action";
    ForbiddenException refused =
        assertThrows(
            ForbiddenException.class, () -> RoleCheck.require(caller, right, adminsWrite, type));
    assertEquals(why, refused.getMessage());
  }
}
