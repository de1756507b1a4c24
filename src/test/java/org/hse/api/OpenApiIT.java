package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document Payara serves at the server root, on the packaged WAR: built from the
 * resource models, with every path, schema, header and security scheme of the contract. It is
 * OpenAPI 3.0.3 on Payara 6 and WildFly and 3.1.0 on Payara 7 (org.hse.api.openapi.SchemaTypes), so
 * a schema's type and nullability are read in either form ({@link #types}, {@link #nullable}).
 */
@ExtendWith(SharedServer.class)
class OpenApiIT {

  static final List<String> TYPES =
      List.of("incident-action", "incident", "action", "project", "office");

  /** Every path of a resource, with the method served there. */
  static final Map<String, List<String>> VERBS =
      Map.of(
          "/index", List.of("get", "post"),
          "/create", List.of("post"),
          "/view/{id}", List.of("get"),
          "/view", List.of("get"),
          "/update/{id}", List.of("put"),
          "/update", List.of("put"),
          "/delete/{id}", List.of("delete"),
          "/delete", List.of("delete"));

  /**
   * Where the served document is left for {@code .ci/openapi-tools}, which checks it as clients use
   * it (Redocly lint, OpenAPI Generator): the document of the server this run tested.
   */
  static final Path SERVED = Path.of("target", "openapi", "served.json");

  static JsonObject document;
  static String text;

  final URL url = SharedServer.url();

  /** Fetches the document once, as JSON, from the server root (the app has a context root). */
  @BeforeEach
  void fetch() throws Exception {
    if (document != null) {
      return;
    }
    URI openapi = url.toURI().resolve("/openapi");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(openapi).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    text = response.body();
    Files.createDirectories(SERVED.getParent());
    Files.writeString(SERVED, text);
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      document = reader.readObject();
    }
  }

  @Test
  void everyResourceHasEveryVerbAndNoPathNamesNull() {
    JsonObject paths = document.getJsonObject("paths");
    for (String type : TYPES) {
      VERBS.forEach(
          (suffix, methods) -> {
            String path = "/v2/" + type + suffix;
            JsonObject item = paths.getJsonObject(path);
            assertNotNull(item, path);
            methods.forEach(method -> assertNotNull(item.get(method), method + " " + path));
          });
    }
    assertNotNull(paths.getJsonObject("/realms/{realm}/protocol/openid-connect/token").get("post"));
    assertNotNull(paths.getJsonObject("/realms/{realm}/protocol/openid-connect/certs").get("get"));
    paths.keySet().forEach(path -> assertFalse(path.contains("null"), path));
  }

  @Test
  void theIncidentActionItemHasEveryContractField() {
    JsonObject properties = schema("IncidentAction").getJsonObject("properties");
    for (String name : TestData.INCIDENT_ACTION_WRITABLE) {
      assertNotNull(properties.getJsonObject(name), name);
      assertFalse(properties.getJsonObject(name).getBoolean("readOnly", false), name);
    }
    for (String name : TestData.INCIDENT_ACTION_READ_ONLY) {
      assertNotNull(properties.getJsonObject(name), name);
      assertTrue(properties.getJsonObject(name).getBoolean("readOnly", false), name);
    }
    assertEquals(
        List.of("ACTION"), strings(properties.getJsonObject("entity_type").getJsonArray("enum")));
    assertEquals("uuid", properties.getJsonObject("entity_id").getString("format"));
    assertEquals("date", properties.getJsonObject("incident_date").getString("format"));
    assertEquals("date-time", properties.getJsonObject("updated_at").getString("format"));
  }

  @Test
  void everySearchTakesHistoryAndEveryItemDocumentsWhenAndByWhomItWasDeleted() {
    for (String name : List.of("IncidentAction", "Incident", "Action", "Project", "Office")) {
      JsonObject history =
          schema(name + "Search").getJsonObject("properties").getJsonObject("history");
      assertEquals(List.of("boolean"), types(history), name);
      assertTrue(history.getString("description").contains("deleted_at"), name);
      JsonObject properties = schema(name).getJsonObject("properties");
      assertEquals("date-time", properties.getJsonObject("deleted_at").getString("format"), name);
      for (String deleted : List.of("deleted_at", "deleted_by")) {
        assertTrue(nullable(properties.getJsonObject(deleted)), name + deleted);
        assertFalse(
            strings(schema(name).getJsonArray("required")).contains(deleted), name + deleted);
      }
    }
    JsonObject parameter =
        document.getJsonObject("components").getJsonObject("parameters").getJsonObject("history");
    assertEquals("query", parameter.getString("in"));
    assertEquals(List.of("boolean"), types(parameter.getJsonObject("schema")));
  }

  @Test
  void theIncidentCategoryListsItsValues() {
    assertEquals(
        TestData.INCIDENT_CATEGORIES,
        strings(
            schema("Incident")
                .getJsonObject("properties")
                .getJsonObject("category")
                .getJsonArray("enum")));
  }

  @Test
  void indexAnswersThePagingHeaders() {
    for (String type : TYPES) {
      JsonObject index = document.getJsonObject("paths").getJsonObject("/v2/" + type + "/index");
      for (String method : List.of("get", "post")) {
        JsonObject headers =
            index
                .getJsonObject(method)
                .getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("headers");
        for (String header :
            List.of(
                "X-Pagination-Current-Page",
                "X-Pagination-Page-Count",
                "X-Pagination-Per-Page",
                "X-Pagination-Total-Count")) {
          assertNotNull(headers.get(header), method + " " + type + " " + header);
        }
      }
    }
  }

  @Test
  void theServedDocumentIsValidOpenApi3WithoutPayarasEndpoints() {
    assertTrue(
        List.of("3.0.3", "3.1.0").contains(document.getString("openapi")),
        document.getString("openapi"));
    assertFalse(document.containsKey("endpoints"), "Payara's endpoints key is taken out");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
    // on WildFly too: the WAR's own document, not the host-level one with its empty info.license
    // and externalDocs (server-config/README.md)
    assertEquals(List.of(), parsed.getMessages());
    assertEquals(
        List.of("/"),
        document.getJsonArray("servers").stream()
            .map(server -> server.asJsonObject().getString("url"))
            .toList());
  }

  @Test
  void tokenOperationsAreAnonymousAndTokenResponseIsComplete() {
    for (String path :
        List.of(
            "/realms/{realm}/protocol/openid-connect/token",
            "/realms/{realm}/protocol/openid-connect/certs")) {
      JsonObject item = document.getJsonObject("paths").getJsonObject(path);
      JsonObject operation = item.getJsonObject(item.containsKey("post") ? "post" : "get");
      assertEquals(
          Json.createArrayBuilder().add(Json.createObjectBuilder()).build(),
          operation.getJsonArray("security"),
          path);
    }
    assertTrue(
        strings(schema("TokenResponse").getJsonArray("required"))
            .containsAll(List.of("scope", "not-before-policy", "access_token")));
    assertEquals(
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("bearer", Json.createArrayBuilder()))
            .add(Json.createObjectBuilder().add("oauth2", Json.createArrayBuilder()))
            .add(Json.createObjectBuilder().add("access-token", Json.createArrayBuilder()))
            .build(),
        document
            .getJsonObject("paths")
            .getJsonObject("/v2/action/index")
            .getJsonObject("post")
            .getJsonArray("security"));
  }

  @Test
  void writesAreClosedAndLengthsAsEnforced() {
    JsonObject create = schema("IncidentCreate");
    assertEquals(false, create.getBoolean("additionalProperties"));
    assertEquals(false, schema("IncidentUpdate").getBoolean("additionalProperties"));
    JsonObject name = create.getJsonObject("properties").getJsonObject("name");
    assertEquals(255, name.getInt("maxLength"));
    assertEquals(1, name.getInt("minLength"));
    assertFalse(document.getJsonObject("components").getJsonObject("schemas").containsKey("Error"));
    assertEquals(
        "#/components/schemas/UuidValues",
        schema("IncidentFilter")
            .getJsonObject("properties")
            .getJsonObject("office_incident_id")
            .getString("$ref"));
  }

  @Test
  void theTwoSecuritySchemesAreDeclared() {
    JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
    JsonObject oauth2 = schemes.getJsonObject("oauth2");
    assertEquals("oauth2", oauth2.getString("type"));
    assertEquals(
        "/realms/hse/protocol/openid-connect/token",
        oauth2.getJsonObject("flows").getJsonObject("password").getString("tokenUrl"));
    JsonObject accessToken = schemes.getJsonObject("access-token");
    assertEquals("apiKey", accessToken.getString("type"));
    assertEquals("query", accessToken.getString("in"));
    assertEquals("access-token", accessToken.getString("name"));
  }

  /**
   * The document is written in the form of the OpenAPI version it names: 3.0's {@code type} is one
   * name and {@code nullable} says null is allowed; 3.1 has no {@code nullable} (a list of types
   * with {@code "null"} in it instead). Payara 7.2026 once wrote 3.1's form under 3.0.3.
   */
  @Test
  void theDocumentIsWrittenInTheFormOfItsVersion() {
    boolean v31 = document.getString("openapi").startsWith("3.1.");
    List<String> wrong = new ArrayList<>();
    walk(
        "",
        document,
        (where, object) -> {
          if (!v31 && object.get("type") instanceof JsonArray) {
            wrong.add(where + ": a list of types in OpenAPI 3.0");
          }
          JsonValue nullable = object.get("nullable");
          if (v31 && (JsonValue.TRUE.equals(nullable) || JsonValue.FALSE.equals(nullable))) {
            wrong.add(where + ": nullable in OpenAPI 3.1");
          }
        });
    assertEquals(List.of(), wrong, document.getString("openapi"));
  }

  /** Every object of the document with its JSON pointer, the document first. */
  private static void walk(String where, JsonValue value, BiConsumer<String, JsonObject> visit) {
    if (value instanceof JsonObject object) {
      visit.accept(where, object);
      object.forEach((key, child) -> walk(where + "/" + key, child, visit));
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        walk(where + "/" + i, array.get(i), visit);
      }
    }
  }

  /** A schema's types: OpenAPI 3.0's one name, or 3.1's list (or name). */
  static List<String> types(JsonObject schema) {
    JsonValue type = schema.get("type");
    return type instanceof JsonString name ? List.of(name.getString()) : strings((JsonArray) type);
  }

  /** Whether a schema allows null: 3.0's {@code nullable}, or 3.1's {@code "null"} type. */
  static boolean nullable(JsonObject schema) {
    return schema.getBoolean("nullable", false)
        || schema.containsKey("type") && types(schema).contains("null");
  }

  private static JsonObject schema(String name) {
    JsonObject schema =
        document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    assertNotNull(schema, name);
    return schema;
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
