package org.hse.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerProducerTest {

  @Test
  void readsTenantsFromEveryClaimShape() {
    assertEquals(
        Set.of("p1", "p2"),
        CallerProducer.strings(Json.createArrayBuilder().add("p1").add("p2").build()));
    assertEquals(Set.of("p1", "p2"), CallerProducer.strings(List.of("p1", "p2")));
    assertEquals(Set.of("p1"), CallerProducer.strings("p1"));
    assertEquals(Set.of("p1"), CallerProducer.strings(Json.createValue("p1")));
    assertEquals(Set.of(), CallerProducer.strings(null));
  }
}
