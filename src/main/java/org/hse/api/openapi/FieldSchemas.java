package org.hse.api.openapi;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.hse.api.model.Access;
import org.hse.api.model.Field;
import org.hse.api.model.Kind;
import org.hse.api.query.IndexRequest;

/**
 * The schema of one field's value, as an item carries it, as input, and as a filter; with the
 * limits the service enforces: the length the entity's {@link Size} allows, and for required text
 * at least one character that is not a blank.
 */
final class FieldSchemas {

  /** What required text must contain: a character that is not white space. */
  static final String NOT_BLANK = "\\S";

  private FieldSchemas() {}

  /**
   * The bare value: a string whose format or allowed values follow from the field's kind, or a
   * whole number.
   */
  static Schema value(Field<?> field) {
    return value(field.kind(), field.values());
  }

  private static Schema value(Kind kind, List<String> values) {
    if (kind == Kind.INTEGER) {
      return SchemaTypes.of(SchemaType.INTEGER).format("int32").minimum(BigDecimal.ZERO);
    }
    Schema schema = SchemaTypes.of(SchemaType.STRING);
    return switch (kind) {
      case UUID -> schema.format("uuid");
      case TEXT, INTEGER -> schema;
      case JSON -> schema;
      case ENUM -> schema.enumeration(new ArrayList<>(values));
      case DATE -> schema.format("date");
      case TIMESTAMP -> schema.format("date-time");
    };
  }

  /** The field in an item: read-only where the server computes it, null where it may be absent. */
  static Schema item(Class<?> entity, Field<?> field) {
    Schema schema = limited(entity, field, value(field)).description(describe(field));
    if (field.access() == Access.READ_ONLY) {
      schema.readOnly(true);
    }
    return nullableWhereOptional(field, schema);
  }

  /** The field in a create or update body. */
  static Schema input(Class<?> entity, Field<?> field) {
    return nullableWhereOptional(
        field, limited(entity, field, value(field)).description(describe(field)));
  }

  /** A field that a create need not give may be null, except the id. */
  private static Schema nullableWhereOptional(Field<?> field, Schema schema) {
    if (field.access() != Access.KEY && !field.required()) {
      SchemaTypes.nullable(schema);
    }
    return schema;
  }

  /**
   * A read-only field in a create or update body: accepted with any value and ignored (the hosted
   * API's client sends timestamps back as Unix seconds), so any type.
   */
  static Schema ignored(Field<?> field) {
    return OASFactory.createSchema()
        .description(
            "Read-only: ignored in a create or update, whatever its value; answered as "
                + field.name()
                + " of the item.");
  }

  /**
   * The field in a search body's filter: a reference to the list type of its kind of value, any of
   * which matches; the list type and its value type are each named once in the components and
   * shared by every field with the same values, so that generators make one type of each.
   *
   * <p>The service also takes a single value without a list; the document says so in words but not
   * as {@code oneOf} of a value and a list, which OpenAPI Generator 7.25.0 turns into Java that
   * does not compile ({@code List<X>.class}).
   */
  static Schema filter(Components components, String resource, Field<?> field) {
    String base = filterBase(components, resource, field);
    if (components.getSchemas() == null || !components.getSchemas().containsKey(base + "Values")) {
      components.addSchema(base + "Value", filterValue(field));
      components.addSchema(
          base + "Values",
          SchemaTypes.of(SchemaType.ARRAY)
              .items(SharedComponents.ref(base + "Value"))
              .minItems(1)
              .maxItems(IndexRequest.MAX_FILTER_VALUES)
              .description(
                  (field.kind().substringMatch()
                          ? "Texts any of which the field contains, ignoring case."
                          : "Values any of which the field equals.")
                      + " A single value may also be given without the list."));
    }
    return SharedComponents.ref(base + "Values");
  }

  /** The field as a {@code filter[<name>]} query parameter, which may be repeated. */
  static Schema filterParameter(Components components, String resource, Field<?> field) {
    return filter(components, resource, field);
  }

  /** How a filter on this field matches. */
  static String matching(Field<?> field) {
    return field.kind().substringMatch()
        ? "Matches items whose " + field.name() + " contains this text, ignoring case."
        : "Matches items whose " + field.name() + " equals this value.";
  }

  /** A filter takes any text on a field holding JSON documents, as on free text. */
  private static Schema filterValue(Field<?> field) {
    return value(field.codec().asFilter().kind(), field.values());
  }

  /**
   * The name the filter types of this field start with: the kind of value ({@code Uuid}, {@code
   * Text}...), or for allowed values the field's name ({@code ActionType}), prefixed with the
   * resource when another field of that name has other values ({@code ProjectStatus}).
   */
  private static String filterBase(Components components, String resource, Field<?> field) {
    return switch (field.kind()) {
      case UUID -> "Uuid";
      case TEXT, JSON -> "Text";
      case DATE -> "Date";
      case TIMESTAMP -> "Timestamp";
      case INTEGER -> "Count";
      case ENUM -> {
        String name = ResourceDocument.schemaName(field.name().replace('_', '-'));
        Schema existing =
            components.getSchemas() == null ? null : components.getSchemas().get(name + "Value");
        // an enum of that name with other values (the incident's and the project's status)
        yield existing == null || existing.getEnumeration().equals(field.values())
            ? name
            : resource + name;
      }
    };
  }

  /** The value's length limits, as the entity's constraints and the required check enforce them. */
  private static Schema limited(Class<?> entity, Field<?> field, Schema schema) {
    if (field.kind() != Kind.TEXT && field.kind() != Kind.JSON) {
      return schema;
    }
    if (field.access().writable()) {
      maxLength(entity, field.property()).ifPresent(schema::maxLength);
    }
    if (field.required()) {
      schema.minLength(1).pattern(NOT_BLANK);
    }
    return schema;
  }

  /** The {@link Size#max()} declared on the entity's property, looked up its class hierarchy. */
  static Optional<Integer> maxLength(Class<?> entity, String property) {
    for (Class<?> type = entity; type != null; type = type.getSuperclass()) {
      try {
        Size size = type.getDeclaredField(property).getAnnotation(Size.class);
        return Optional.ofNullable(size).map(Size::max);
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    return Optional.empty();
  }

  private static String describe(Field<?> field) {
    String what =
        switch (field.access()) {
          case KEY ->
              "The item's id: may be supplied on create, generated otherwise; never changes.";
          case CHANGEABLE -> field.required() ? "Required on create." : "Optional.";
          case FIXED ->
              (field.required() ? "Required" : "Optional")
                  + " on create; cannot change afterwards.";
          case READ_ONLY -> "Read-only: set by the server, ignored in a create or update.";
        };
    return field.kind() == Kind.JSON ? what + " A JSON document, as a string." : what;
  }
}
