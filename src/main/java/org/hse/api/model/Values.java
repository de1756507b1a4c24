package org.hse.api.model;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses client values into a field's Java value and writes Java values back as JSON. */
public final class Values {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private static final String INTEGER_MESSAGE = "must be a whole number of at least 0";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

  /**
   * The JSON-P provider, looked up once: {@code Json.createValue} and friends look it up with a
   * ServiceLoader on every call, which costs more than writing the value.
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private Values() {}

  /** Whether the text is a UUID in its canonical 8-4-4-4-12 hexadecimal form. */
  public static boolean isUuid(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }

  /**
   * The Java value of a JSON value for this codec: null for JSON null.
   *
   * @throws IllegalArgumentException with a message for the client when the value does not fit
   */
  public static Object fromJson(Codec<?> codec, JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (codec.kind() == Kind.INTEGER && value instanceof JsonNumber number) {
      if (!number.isIntegral()) {
        throw new IllegalArgumentException(INTEGER_MESSAGE);
      }
      return wholeNumber(number.bigDecimalValue().toBigInteger().toString());
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new IllegalArgumentException(
          codec.kind() == Kind.INTEGER ? INTEGER_MESSAGE : "must be a string");
    }
    return fromText(codec, ((JsonString) value).getString());
  }

  /**
   * The Java value of a filter condition on a field: as {@link #fromJson}, except that a substring
   * filter on a field holding JSON documents takes any fragment of text.
   */
  public static Object filterFromJson(Codec<?> codec, JsonValue value) {
    return fromJson(codec.asFilter(), value);
  }

  /** The Java value of a filter condition given as text, as {@link #filterFromJson}. */
  public static Object filterFromText(Codec<?> codec, String text) {
    return fromText(codec.asFilter(), text);
  }

  /**
   * The Java value of a text for this codec.
   *
   * @throws IllegalArgumentException with a message for the client when the text does not fit
   */
  public static Object fromText(Codec<?> codec, String text) {
    return switch (codec.kind()) {
      case UUID -> {
        if (!isUuid(text)) {
          throw new IllegalArgumentException("must be a UUID");
        }
        yield text.toLowerCase(java.util.Locale.ROOT);
      }
      case TEXT -> withoutNul(text);
      case ENUM -> {
        if (!codec.values().contains(text)) {
          throw new IllegalArgumentException(
              "must be one of: " + String.join(", ", codec.values()));
        }
        yield text;
      }
      case DATE -> {
        try {
          yield LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("must be a date YYYY-MM-DD");
        }
      }
      case INTEGER -> wholeNumber(text.strip());
      case JSON -> {
        if (!isJsonDocument(withoutNul(text))) {
          throw new IllegalArgumentException("must be a string holding a JSON document");
        }
        yield text;
      }
      case TIMESTAMP -> {
        try {
          yield OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "must be an ISO-8601 timestamp such as 2026-11-29T14:05:00Z");
        }
      }
    };
  }

  private static String withoutNul(String text) {
    if (text.indexOf('\u0000') >= 0) {
      throw new IllegalArgumentException("must not contain the NUL character");
    }
    return text;
  }

  private static Integer wholeNumber(String digits) {
    try {
      int number = Integer.parseInt(digits);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // not a whole number that fits: the same message
    }
    throw new IllegalArgumentException(INTEGER_MESSAGE);
  }

  /** Whether the text is one complete JSON value, as the JSON-P parser reads it. */
  private static boolean isJsonDocument(String text) {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        return false;
      }
      parser.next();
      parser.getValue();
      return !parser.hasNext();
    } catch (JsonException | IllegalStateException e) {
      return false;
    }
  }

  /** The JSON form of a Java value of this kind. */
  public static JsonValue toJson(Kind kind, Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (kind == Kind.INTEGER) {
      return JSON.createValue(((Number) value).intValue());
    }
    String text =
        switch (kind) {
          case ENUM -> value instanceof Enum<?> constant ? constant.name() : value.toString();
          case TIMESTAMP -> TIMESTAMP.format((LocalDateTime) value);
          default -> value.toString();
        };
    return JSON.createValue(text);
  }
}
