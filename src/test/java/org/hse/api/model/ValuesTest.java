package org.hse.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

  private static Codec<Object> field(Kind kind, List<String> values) {
    return new Codec<>(kind, Object.class, values);
  }

  @Test
  void uuidsMustBeCanonicalAndAreLowerCased() {
    Codec<Object> uuid = field(Kind.UUID, List.of());
    assertEquals(
        "5c6d7e8f-9012-3456-abcd-ef5678901234",
        Values.fromText(uuid, "5C6D7E8F-9012-3456-ABCD-EF5678901234"));
    for (String bad :
        List.of(
            "1-1-1-1-1",
            "5c6d7e8f90123456abcdef5678901234",
            "",
            "5c6d7e8f-9012-3456-abcd-ef567890123z")) {
      assertThrows(IllegalArgumentException.class, () -> Values.fromText(uuid, bad), bad);
    }
    assertTrue(Values.isUuid("5c6d7e8f-9012-3456-abcd-ef5678901234"));
    assertFalse(Values.isUuid(null));
  }

  @Test
  void integersAreWholeNumbersOfAtLeastZeroAsNumbersOrDigits() {
    Codec<Object> integer = field(Kind.INTEGER, List.of());
    assertEquals(12, Values.fromJson(integer, Json.createValue(12)));
    assertEquals(0, Values.fromJson(integer, Json.createValue("0")));
    assertEquals(7, Values.fromText(integer, "7"));
    for (JsonValue bad :
        List.of(
            Json.createValue(-1),
            Json.createValue(1.5),
            Json.createValue(1e12),
            Json.createValue("twelve"),
            JsonValue.TRUE)) {
      assertThrows(IllegalArgumentException.class, () -> Values.fromJson(integer, bad), "" + bad);
    }
    assertEquals(Json.createValue(12), Values.toJson(Kind.INTEGER, 12));
  }

  @Test
  void jsonFieldsHoldADocumentButFilterOnAnyFragment() {
    Codec<Object> json = field(Kind.JSON, List.of());
    assertEquals("{\"a\": [1]}", Values.fromText(json, "{\"a\": [1]}"));
    assertEquals("\"text\"", Values.fromText(json, "\"text\""));
    for (String bad : List.of("{", "{\"a\": 1} 2", "", "not json", "[\"\u0000\"]")) {
      assertThrows(IllegalArgumentException.class, () -> Values.fromText(json, bad), bad);
    }
    assertEquals("\"a\": [", Values.filterFromText(json, "\"a\": ["));
    assertThrows(IllegalArgumentException.class, () -> Values.fromJson(json, Json.createValue(1)));
  }

  @Test
  void enumsDatesAndTimestampsAreStrict() {
    Codec<Object> status = field(Kind.ENUM, List.of("new", "open", "closed"));
    assertEquals("open", Values.fromText(status, "open"));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Values.fromText(status, "OPEN"));
    assertEquals("must be one of: new, open, closed", bad.getMessage());
    assertEquals(
        LocalDate.of(2026, 2, 28), Values.fromText(field(Kind.DATE, List.of()), "2026-02-28"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.fromText(field(Kind.DATE, List.of()), "2026-02-30"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Values.fromText(field(Kind.DATE, List.of()), "28/02/2026"));
    assertEquals(
        LocalDateTime.of(2026, 11, 29, 13, 5),
        Values.fromText(field(Kind.TIMESTAMP, List.of()), "2026-11-29T14:05:00+01:00"));
  }

  @Test
  void jsonValuesMustBeStringsOrNull() {
    Codec<Object> text = field(Kind.TEXT, List.of());
    assertEquals("x", Values.fromJson(text, Json.createValue("x")));
    assertEquals(null, Values.fromJson(text, JsonValue.NULL));
    assertThrows(
        IllegalArgumentException.class, () -> Values.fromJson(text, Json.createValue("a\u0000b")));
    assertThrows(IllegalArgumentException.class, () -> Values.fromJson(text, Json.createValue(42)));
    assertThrows(IllegalArgumentException.class, () -> Values.fromJson(text, JsonValue.TRUE));
    assertThrows(
        IllegalArgumentException.class, () -> Values.fromJson(text, JsonValue.EMPTY_JSON_OBJECT));
  }

  @Test
  void timestampsAreWrittenInUtcToTheSecond() {
    assertEquals(
        Json.createValue("2026-11-29T14:05:00Z"),
        Values.toJson(Kind.TIMESTAMP, LocalDateTime.of(2026, 11, 29, 14, 5)));
    assertEquals(JsonValue.NULL, Values.toJson(Kind.TEXT, null));
    assertEquals(
        Json.createValue("2026-11-02"), Values.toJson(Kind.DATE, LocalDate.of(2026, 11, 2)));
  }
}
