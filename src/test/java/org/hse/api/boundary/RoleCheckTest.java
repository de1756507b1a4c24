package org.hse.api.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ForbiddenException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import org.hse.api.action.boundary.ActionRules;
import org.hse.api.incident.boundary.IncidentRules;
import org.hse.api.incidentaction.boundary.IncidentActionRules;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.boundary.OfficeRules;
import org.hse.api.tenancy.boundary.ProjectRules;
import org.junit.jupiter.api.Test;

/** Which role may read and write, as the contract lists them, and that no verb goes unchecked. */
class RoleCheckTest {

  private static Caller with(String... roles) {
    return new Caller("someone", Set.of(roles), Set.of());
  }

  @Test
  void readersReadWritersWriteAndOnlyAdminsWriteProjectsAndOffices() {
    for (Caller caller : new Caller[] {with("reader"), with("writer"), with("admin")}) {
      assertDoesNotThrow(() -> RoleCheck.require(caller, Right.READ, WrittenBy.WRITERS, "action"));
      assertDoesNotThrow(() -> RoleCheck.require(caller, Right.READ, WrittenBy.ADMINS, "office"));
    }
    assertDoesNotThrow(
        () -> RoleCheck.require(with("writer"), Right.WRITE, WrittenBy.WRITERS, "action"));
    assertDoesNotThrow(
        () -> RoleCheck.require(with("admin"), Right.WRITE, WrittenBy.ADMINS, "office"));
    assertRefused(
        with("reader"), Right.WRITE, WrittenBy.WRITERS, "Your role may not change action items.");
    assertRefused(
        with("writer"), Right.WRITE, WrittenBy.ADMINS, "Your role may not change office items.");
    assertRefused(with(), Right.READ, WrittenBy.WRITERS, "Your role may not read action items.");
    assertRefused(
        with("auditor"), Right.READ, WrittenBy.WRITERS, "Your role may not read action items.");
    assertRefused(with(), Right.WRITE, WrittenBy.WRITERS, "Your role may not change action items.");
  }

  @Test
  void everyVerbThatTakesACallerNeedsARightAndTakesTheRules() {
    long verbs = 0;
    for (Method method : Items.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && Arrays.asList(method.getParameterTypes()).contains(Caller.class)) {
        assertNotNull(method.getAnnotation(Needs.class), method.toString());
        assertEquals(ItemRules.class, method.getParameterTypes()[0], method.toString());
        verbs++;
      }
    }
    assertEquals(8, verbs);
  }

  @Test
  void projectsAndOfficesAreWrittenByAdminsAndTheOthersByWriters() {
    assertEquals(WrittenBy.ADMINS, new ProjectRules().writtenBy());
    assertEquals(WrittenBy.ADMINS, new OfficeRules().writtenBy());
    assertEquals(WrittenBy.WRITERS, new IncidentRules().writtenBy());
    assertEquals(WrittenBy.WRITERS, new ActionRules().writtenBy());
    assertEquals(WrittenBy.WRITERS, new IncidentActionRules().writtenBy());
  }

  private static void assertRefused(Caller caller, Right right, WrittenBy writtenBy, String why) {
    String type = writtenBy == WrittenBy.ADMINS ? "office" : "action";
    ForbiddenException refused =
        assertThrows(
            ForbiddenException.class, () -> RoleCheck.require(caller, right, writtenBy, type));
    assertEquals(why, refused.getMessage());
  }
}
