package org.hse.api.v2.openapi;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.hse.api.v2.Access;
import org.hse.api.v2.Field;
import org.hse.api.v2.IndexRequest;
import org.hse.api.v2.Kind;

/** The schema of one field's value, as an item carries it, as input, and as a filter. */
final class FieldSchemas {

  private FieldSchemas() {}

  /** The bare value: a string whose format or allowed values follow from the field's kind. */
  static Schema value(Field<?> field) {
    if (field.kind() == Kind.INTEGER) {
      return OASFactory.createSchema()
          .type(SchemaType.INTEGER)
          .format("int32")
          .minimum(java.math.BigDecimal.ZERO);
    }
    Schema schema = OASFactory.createSchema().type(SchemaType.STRING);
    return switch (field.kind()) {
      case INTEGER, JSON -> schema;
      case UUID -> schema.format("uuid");
      case TEXT -> schema;
      case ENUM -> schema.enumeration(new ArrayList<>(field.values()));
      case DATE -> schema.format("date");
      case TIMESTAMP -> schema.format("date-time");
    };
  }

  /** The field in an item: read-only where the server computes it, null where it may be absent. */
  static Schema item(Field<?> field) {
    Schema schema = value(field).description(describe(field));
    if (field.access() == Access.READ_ONLY) {
      schema.readOnly(true);
    }
    if (field.access() != Access.KEY && !field.access().required()) {
      schema.nullable(true);
    }
    return schema;
  }

  /** The field in a create or update body. */
  static Schema input(Field<?> field) {
    Schema schema = value(field).description(describe(field));
    if (field.access() == Access.OPTIONAL) {
      schema.nullable(true);
    }
    return schema;
  }

  /** The field in a search body's filter: one value, or a list of values any of which matches. */
  static Schema filter(Field<?> field) {
    Schema anyOf =
        OASFactory.createSchema()
            .type(SchemaType.ARRAY)
            .items(value(field))
            .minItems(1)
            .maxItems(IndexRequest.MAX_FILTER_VALUES);
    return OASFactory.createSchema()
        .description(matching(field))
        .oneOf(new ArrayList<>(List.of(value(field), anyOf)));
  }

  /** The field as a {@code filter[<name>]} query parameter, which may be repeated. */
  static Schema filterParameter(Field<?> field) {
    return OASFactory.createSchema()
        .type(SchemaType.ARRAY)
        .items(value(field))
        .maxItems(IndexRequest.MAX_FILTER_VALUES);
  }

  /** How a filter on this field matches. */
  static String matching(Field<?> field) {
    return field.kind().substringMatch()
        ? "Matches items whose " + field.name() + " contains this text, ignoring case."
        : "Matches items whose " + field.name() + " equals this value.";
  }

  private static String describe(Field<?> field) {
    return switch (field.access()) {
      case KEY -> "The item's id: may be supplied on create, generated otherwise; never changes.";
      case REQUIRED -> "Required on create.";
      case REQUIRED_FIXED -> "Required on create; cannot change afterwards.";
      case OPTIONAL -> "Optional.";
      case READ_ONLY -> "Read-only: set by the server, ignored in a create or update.";
    };
  }
}
