package org.hse.api.openapi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * A schema's type and whether it may be null, on both versions of MicroProfile OpenAPI the WAR
 * meets: 3.1, which it compiles against (Payara 6: {@code type(SchemaType)} and {@code nullable}),
 * and 4 (Payara 7, WildFly 39), where a schema has a list of types, {@code null} among them for a
 * nullable one, and neither method of 3.1 exists. Version 4's {@code addType} is called through a
 * method handle: the WAR cannot compile against both versions.
 *
 * <p>Each version models its own OpenAPI, and {@link #openApiVersion} names it for the document:
 * 3.1's model is OpenAPI 3.0's ({@code type} one name, {@code nullable: true}), 4's is OpenAPI
 * 3.1's ({@code type} a list, {@code "null"} in it). Payara 7 writes the model as it is, so its
 * document must say 3.1.0; declared 3.0.3, it was OpenAPI 3.1 under 3.0's number. SmallRye OpenAPI
 * 4 (WildFly) writes whichever version the document names, and {@code
 * mp.openapi.extensions.smallrye.openapi=3.0.3} in {@code microprofile-config.properties} (which
 * Payara ignores) has it write OpenAPI 3.0.3 there, as before.
 */
final class SchemaTypes {

  /** The OpenAPI version of MicroProfile OpenAPI 3.1's model. */
  static final String OPENAPI_30 = "3.0.3";

  /** The OpenAPI version of MicroProfile OpenAPI 4's model. */
  static final String OPENAPI_31 = "3.1.0";

  /** MicroProfile OpenAPI 4's {@code Schema addType(SchemaType)}; null on 3.1. */
  private static final MethodHandle ADD_TYPE = addType();

  private SchemaTypes() {}

  /** The OpenAPI version that the model of the MicroProfile OpenAPI this runs on describes. */
  static String openApiVersion() {
    return ADD_TYPE == null ? OPENAPI_30 : OPENAPI_31;
  }

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
