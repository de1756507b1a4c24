package org.hse.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

  private final RequestBodies bodies = new RequestBodies();

  {
    bodies.maxBodyBytes = 64;
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonObjectsAreRead() {
    assertEquals(
        Json.createObjectBuilder().add("a", 1).build(),
        bodies.read(bytes("{\"a\": 1}"), MediaType.APPLICATION_JSON_TYPE));
    assertEquals(
        JsonValue.EMPTY_JSON_OBJECT, bodies.read(bytes(""), MediaType.APPLICATION_JSON_TYPE));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, bodies.read(null, null));
  }

  @Test
  void malformedJsonAndNonObjectsAre400() {
    for (String bad : new String[] {"{", "[1]", "\"text\"", "42", "{\"a\": 1} trailing", "nul"}) {
      assertThrows(
          BadRequestException.class,
          () -> bodies.read(bytes(bad), MediaType.APPLICATION_JSON_TYPE),
          bad);
    }
  }

  @Test
  void anEmptyArrayIsAnEmptySearchButNoItem() {
    assertEquals(
        JsonValue.EMPTY_JSON_OBJECT,
        bodies.readSearch(bytes(" [ ] "), MediaType.APPLICATION_JSON_TYPE));
    assertThrows(
        BadRequestException.class, () -> bodies.read(bytes("[]"), MediaType.APPLICATION_JSON_TYPE));
    assertThrows(
        BadRequestException.class,
        () -> bodies.readSearch(bytes("[{}]"), MediaType.APPLICATION_JSON_TYPE));
  }

  @Test
  void formBodiesBecomeObjectsOfStringsWithEmptyMeaningNull() {
    assertEquals(
        Json.createObjectBuilder().add("name", "Fire drill & more").addNull("code").build(),
        bodies.read(
            bytes("name=Fire+drill+%26+more&code="), MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    assertThrows(
        BadRequestException.class,
        () -> bodies.read(bytes("name=%zz"), MediaType.APPLICATION_FORM_URLENCODED_TYPE));
  }

  @Test
  void bodiesOverTheLimitAre413() {
    ClientErrorException tooLarge =
        assertThrows(
            ClientErrorException.class,
            () ->
                bodies.read(
                    bytes("{\"a\": \"" + "x".repeat(64) + "\"}"), MediaType.APPLICATION_JSON_TYPE));
    assertEquals(413, tooLarge.getResponse().getStatus());
  }
}
