package org.hse.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 403 of a refused role names the resource, and whether the role may not read or change it. */
class RoleRefusedMapperTest {

  @Test
  void aReadingVerbIsRefusedAsReading() {
    for (String verb : List.of("index", "view", "history", "changes")) {
      assertEquals(
          "Your role may not read incident-action items.",
          RoleRefusedMapper.message(path("v2", "incident-action", verb, "x")));
    }
  }

  @Test
  void everyOtherVerbIsRefusedAsChanging() {
    for (String verb : List.of("create", "update", "delete")) {
      assertEquals(
          "Your role may not change project items.",
          RoleRefusedMapper.message(path("v2", "project", verb)));
    }
  }

  @Test
  void aPathOutsideTheResourcesIsRefusedPlainly() {
    assertEquals("Your role may not do this.", RoleRefusedMapper.message(path("metrics")));
  }

  private static List<PathSegment> path(String... segments) {
    return Arrays.stream(segments).map(RoleRefusedMapperTest::segment).toList();
  }

  private static PathSegment segment(String text) {
    return new PathSegment() {
      @Override
      public String getPath() {
        return text;
      }

      @Override
      public MultivaluedMap<String, String> getMatrixParameters() {
        return new MultivaluedHashMap<>();
      }
    };
  }
}
