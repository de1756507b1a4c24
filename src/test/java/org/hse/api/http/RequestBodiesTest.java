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

  private static final MediaType MULTIPART = MediaType.valueOf("multipart/form-data; boundary=XyZ");

  private static String part(String headers, String text) {
    return "--XyZ\r\nContent-Disposition: form-data; " + headers + "\r\n\r\n" + text + "\r\n";
  }

  @Test
  void multipartPartsAreFieldsInTheirCharsetWithEmptyMeaningNull() {
    RequestBodies large = new RequestBodies();
    large.maxBodyBytes = 4096;
    byte[] latin = "Jürgen".getBytes(StandardCharsets.ISO_8859_1);
    byte[] body =
        (part("name=\"name\"", "Öl – Stufe 2")
                + "--XyZ\r\nContent-Disposition: form-data; name=\"deponent\"\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n" + part("name=\"code\"", "") + "--XyZ--\r\n").getBytes();
    ByteArrayInputStream in =
        new ByteArrayInputStream(
            java.nio.ByteBuffer.allocate(body.length + latin.length + tail.length)
                .put(body)
                .put(latin)
                .put(tail)
                .array());
    assertEquals(
        Json.createObjectBuilder()
            .add("name", "Öl – Stufe 2")
            .add("deponent", "Jürgen")
            .addNull("code")
            .build(),
        large.read(in, MULTIPART));
  }

  @Test
  void multipartFilesRepeatedFieldsAndUnknownCharsetsAre422OnEachField() {
    RequestBodies large = new RequestBodies();
    large.maxBodyBytes = 4096;
    String body =
        part("name=\"code\"", "A")
            + part("name=\"code\"", "B")
            + part("name=\"name\"; filename=\"name.txt\"", "Spill")
            + "--XyZ\r\nContent-Disposition: form-data; name=\"status\"\r\n"
            + "Content-Type: text/plain; charset=no-such-charset\r\n\r\nnew\r\n"
            + part("name=\"category\"", "ACCIDENTS")
            + "--XyZ--\r\n";
    org.hse.api.errors.ValidationFailedException refused =
        assertThrows(
            org.hse.api.errors.ValidationFailedException.class,
            () -> large.read(bytes(body), MULTIPART));
    assertEquals(
        java.util.List.of("code", "name", "status"),
        refused.errors().stream().map(org.hse.api.errors.FieldError::field).toList());
  }

  @Test
  void malformedMultipartIs400AndOversizedIs413() {
    RequestBodies large = new RequestBodies();
    large.maxBodyBytes = 4096;
    for (String bad :
        new String[] {
          "no boundary at all", "--XyZ\r\nContent-Disposition: form-data\r\n\r\nA\r\n--XyZ--\r\n"
        }) {
      assertThrows(BadRequestException.class, () -> large.read(bytes(bad), MULTIPART), bad);
    }
    assertThrows(
        ClientErrorException.class,
        () -> bodies.read(bytes(part("name=\"a\"", "x".repeat(100)) + "--XyZ--"), MULTIPART));
  }
}
