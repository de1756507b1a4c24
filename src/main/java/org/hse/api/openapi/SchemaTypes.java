package org.hse.api.openapi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * A schema's type and whether it may be null, on both versions of MicroProfile OpenAPI the WAR
 * meets: 3.1, which it compiles against (Payara 6 and 7: {@code type(SchemaType)} and {@code
 * nullable}), and 4 (WildFly 39), where a schema has a list of types, {@code null} among them for a
 * nullable one, and neither method of 3.1 exists. SmallRye OpenAPI 4 writes a document whose {@code
 * openapi} is 3.0.x with OpenAPI 3.0's {@code type} and {@code nullable: true}, so the served
 * document is the same on both. Version 4's {@code addType} is called through a method handle: the
 * WAR cannot compile against both versions.
 */
final class SchemaTypes {

  /** MicroProfile OpenAPI 4's {@code Schema addType(SchemaType)}; null on 3.1. */
  private static final MethodHandle ADD_TYPE = addType();

  private SchemaTypes() {}

  /** A new schema of this type. */
  static Schema of(SchemaType type) {
    Schema schema = OASFactory.createSchema();
    return ADD_TYPE == null ? schema.type(type) : add(schema, type);
  }

  /** The schema, which may also be null (a typed schema: on version 4, null is one more type). */
  static Schema nullable(Schema schema) {
    return ADD_TYPE == null ? schema.nullable(true) : add(schema, SchemaType.valueOf("NULL"));
  }

  private static Schema add(Schema schema, SchemaType type) {
    try {
      return (Schema) ADD_TYPE.invoke(schema, type);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodHandle addType() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(
              Schema.class, "addType", MethodType.methodType(Schema.class, SchemaType.class));
    } catch (NoSuchMethodException | IllegalAccessException version31) {
      return null;
    }
  }
}
