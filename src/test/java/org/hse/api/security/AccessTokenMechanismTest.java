package org.hse.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenMechanismTest {

  @Test
  void readsTheTokenFromTheRawQueryString() {
    assertEquals(Set.of(), AccessTokenMechanism.queryTokens(null));
    assertEquals(Set.of(), AccessTokenMechanism.queryTokens("page=2&per-page=20"));
    assertEquals(Set.of("a.b.c"), AccessTokenMechanism.queryTokens("page=2&access-token=a.b.c"));
    assertEquals(Set.of("a.b.c"), AccessTokenMechanism.queryTokens("access%2Dtoken=a.b%2Ec"));
    assertEquals(
        Set.of("a.b.c"), AccessTokenMechanism.queryTokens("access-token=a.b.c&access-token=a.b.c"));
    assertEquals(2, AccessTokenMechanism.queryTokens("access-token=x&access-token=y").size());
    assertEquals(Set.of(""), AccessTokenMechanism.queryTokens("access-token"));
  }
}
