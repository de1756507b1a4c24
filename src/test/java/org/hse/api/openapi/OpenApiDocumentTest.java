package org.hse.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.hse.api.TestData;
import org.hse.api.model.ResourceModel;
import org.junit.jupiter.api.Test;

/** The document built from the real resource models, checked against the contract. */
class OpenApiDocumentTest {

  static final List<String> TYPES =
      List.of("incident-action", "incident", "action", "project", "office");

  final List<ResourceModel<?>> models = WriteDocument.models();

  final OpenAPI api = OpenApiDocument.build(models, "hse");

  @Test
  void theDocumentIsValidOpenApi() throws Exception {
    String json = OpenApiSerializer.serialize(api, Format.JSON);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
    assertEquals(List.of(), parsed.getMessages());
    assertNotNull(parsed.getOpenAPI());
    assertEquals(
        "3.0.3", OpenApiDocument.openApiVersion(), "the build's MicroProfile OpenAPI: 3.1");
    assertEquals(OpenApiDocument.openApiVersion(), parsed.getOpenAPI().getOpenapi());
  }

  @Test
  void everyResourceHasEveryVerbAtEveryPath() {
    for (String type : TYPES) {
      String base = "/v2/" + type;
      PathItem index = path(base + "/index");
      assertNotNull(index.getPOST(), base);
      assertNotNull(index.getGET(), base);
      assertNotNull(path(base + "/create").getPOST(), base);
      assertNotNull(path(base + "/view/{id}").getGET(), base);
      assertNotNull(path(base + "/view").getGET(), base);
      assertNotNull(path(base + "/update/{id}").getPUT(), base);
      assertNotNull(path(base + "/update").getPUT(), base);
      assertNotNull(path(base + "/delete/{id}").getDELETE(), base);
      assertNotNull(path(base + "/delete").getDELETE(), base);
      assertNotNull(path(base + "/history/{id}").getGET(), base);
      assertNotNull(path(base + "/history").getGET(), base);
      assertNotNull(path(base + "/changes").getGET(), base);
    }
    assertEquals(TYPES.size() * 11 + 2, api.getPaths().getPathItems().size());
    api.getPaths().getPathItems().keySet().forEach(p -> assertFalse(p.contains("null"), p));
  }

  @Test
  void aDeleteNamesWhatItsResourceDependsOnInTheOrderOfTheirNames() {
    assertEquals(
        "Delete one incident-action and its dependents, or preview that (incident-action depends on"
            + " action, incident, office, project)",
        path("/v2/incident-action/delete/{id}").getDELETE().getSummary(),
        "the same text after every start, not the order of a hash map");
  }

  @Test
  void theIncidentActionItemHasEveryContractField() {
    Map<String, Schema> properties = schema("IncidentAction").getProperties();
    for (String name : TestData.INCIDENT_ACTION_WRITABLE) {
      assertNotNull(properties.get(name), name);
      assertNull(properties.get(name).getReadOnly(), name);
    }
    for (String name : TestData.INCIDENT_ACTION_READ_ONLY) {
      assertNotNull(properties.get(name), name);
      assertEquals(Boolean.TRUE, properties.get(name).getReadOnly(), name);
    }
    assertEquals(
        TestData.INCIDENT_ACTION_WRITABLE.size() + TestData.INCIDENT_ACTION_READ_ONLY.size() + 2,
        properties.size(),
        "every field, and deleted_at and deleted_by of a search with history: true");
    for (String deleted : List.of("deleted_at", "deleted_by")) {
      assertEquals(Boolean.TRUE, properties.get(deleted).getNullable(), deleted);
      assertEquals(Boolean.TRUE, properties.get(deleted).getReadOnly(), deleted);
      assertFalse(schema("IncidentAction").getRequired().contains(deleted), deleted);
    }
    assertEquals("date-time", properties.get("deleted_at").getFormat());
    assertEquals(List.of("ACTION"), properties.get("entity_type").getEnumeration());
    assertEquals("uuid", properties.get("office_incident_id").getFormat());
    assertEquals("date", properties.get("incident_date").getFormat());
    assertEquals("date-time", properties.get("created_at").getFormat());
    assertEquals(Schema.SchemaType.STRING, properties.get("description").getType());
    assertNull(properties.get("description").getFormat());
  }

  @Test
  void createNeedsTheRequiredFieldsAndUpdateNone() {
    Schema create = schema("IncidentActionCreate");
    assertEquals(
        Set.copyOf(concat(TestData.INCIDENT_ACTION_WRITABLE, TestData.INCIDENT_ACTION_READ_ONLY)),
        create.getProperties().keySet());
    assertEquals(
        List.of("office_incident_id", "entity_type", "entity_id", "subtenant_id", "tenant_id"),
        create.getRequired());
    assertEquals(
        List.of("name", "date_incident", "subtenant_id", "tenant_id"), required("Incident"));
    assertEquals(List.of("action_type", "name", "subtenant_id", "tenant_id"), required("Action"));
    assertEquals(List.of("name"), required("Project"));
    assertEquals(List.of("project_id", "name"), required("Office"));
    Schema update = schema("IncidentActionUpdate");
    assertEquals(create.getProperties().keySet(), update.getProperties().keySet());
    assertTrue(update.getRequired() == null || update.getRequired().isEmpty());
    for (Schema write : List.of(create, update)) {
      assertEquals(Boolean.FALSE, write.getAdditionalPropertiesBoolean());
      for (String name : TestData.INCIDENT_ACTION_WRITABLE) {
        assertNotNull(write.getProperties().get(name).getType(), name);
      }
      for (String name : TestData.INCIDENT_ACTION_READ_ONLY) {
        assertNull(write.getProperties().get(name).getType(), "any value is ignored: " + name);
      }
    }
  }

  @Test
  void enumsCarryTheirValues() {
    assertEquals(
        TestData.INCIDENT_CATEGORIES,
        schema("Incident").getProperties().get("category").getEnumeration());
    assertEquals(
        List.of("new", "open", "closed"),
        schema("Incident").getProperties().get("status").getEnumeration());
    assertEquals(
        List.of("TRAINING", "MAINTENANCE", "HEALTH", "CHECK", "PER"),
        schema("Action").getProperties().get("action_type").getEnumeration());
    assertEquals(
        List.of("safety", "template"),
        schema("Project").getProperties().get("project_type").getEnumeration());
  }

  @Test
  void theSearchBodyListsFilterPagingAndExactlyTheSortKeys() {
    Schema search = schema("IncidentActionSearch");
    assertEquals(
        Set.of("filter", "per-page", "page", "sort", "history"), search.getProperties().keySet());
    assertEquals(Boolean.FALSE, search.getAdditionalPropertiesBoolean());
    Schema perPage = search.getProperties().get("per-page");
    assertEquals(1, perPage.getMinimum().intValue());
    assertEquals(1000, perPage.getMaximum().intValue());
    assertEquals(100, ((Number) perPage.getDefaultValue()).intValue());
    assertEquals(
        Set.copyOf(concat(TestData.INCIDENT_ACTION_WRITABLE, TestData.INCIDENT_ACTION_READ_ONLY)),
        schema("IncidentActionFilter").getProperties().keySet());

    Pattern sort = Pattern.compile(search.getProperties().get("sort").getPattern());
    for (String key :
        List.of(
            "action_code",
            "action_name",
            "action_type",
            "incident_code",
            "incident_name",
            "incident_date",
            "office_name",
            "project_name",
            "created_at",
            "updated_at")) {
      assertTrue(sort.matcher(key).matches(), key);
      assertTrue(sort.matcher("-" + key).matches(), key);
    }
    assertTrue(sort.matcher("-incident_date,action_name").matches());
    assertFalse(sort.matcher("description").matches());
    assertFalse(sort.matcher("incident_category").matches());
    assertFalse(sort.matcher("office_incident_action_id").matches());
  }

  @Test
  void theQueryFormHasAFilterParameterPerField() {
    Operation get = path("/v2/incident-action/index").getGET();
    List<String> names =
        get.getParameters().stream()
            .map(Parameter::getName)
            .filter(name -> name != null && name.startsWith("filter["))
            .toList();
    assertEquals(
        concat(TestData.INCIDENT_ACTION_WRITABLE, TestData.INCIDENT_ACTION_READ_ONLY).stream()
            .map(name -> "filter[" + name + "]")
            .toList(),
        names);
  }

  @Test
  void indexAnswersThePagingHeadersAndTheGetFormALink() {
    Map<String, APIResponse> byBody =
        path("/v2/incident/index").getPOST().getResponses().getAPIResponses();
    Map<String, APIResponse> byQuery =
        path("/v2/incident/index").getGET().getResponses().getAPIResponses();
    for (String header :
        List.of(
            "X-Pagination-Current-Page",
            "X-Pagination-Page-Count",
            "X-Pagination-Per-Page",
            "X-Pagination-Total-Count")) {
      assertTrue(byBody.get("200").getHeaders().containsKey(header), header);
      assertTrue(byQuery.get("200").getHeaders().containsKey(header), header);
      assertNotNull(api.getComponents().getHeaders().get(header), header);
    }
    assertTrue(byQuery.get("200").getHeaders().containsKey("Link"));
    assertEquals(
        "#/components/schemas/Incident",
        byBody
            .get("200")
            .getContent()
            .getMediaType("application/json")
            .getSchema()
            .getItems()
            .getRef());
  }

  @Test
  void everyVerbMayAnswer503WithRetryAfter() {
    for (Map.Entry<String, PathItem> item : api.getPaths().getPathItems().entrySet()) {
      if (!item.getKey().startsWith("/v2/")) {
        continue;
      }
      for (Operation operation : item.getValue().getOperations().values()) {
        APIResponse unavailable = operation.getResponses().getAPIResponse("503");
        assertNotNull(unavailable, operation.getOperationId());
        assertTrue(unavailable.getRef().endsWith("/ServiceUnavailable"), unavailable.getRef());
      }
    }
    assertTrue(
        api.getComponents()
            .getResponses()
            .get("ServiceUnavailable")
            .getHeaders()
            .containsKey("Retry-After"));
  }

  @Test
  void createViewUpdateAndDeleteAnswerAsTheContractSays() {
    Map<String, APIResponse> create =
        path("/v2/office/create").getPOST().getResponses().getAPIResponses();
    assertTrue(create.get("201").getHeaders().keySet().containsAll(List.of("Location", "ETag")));
    assertTrue(create.get("200").getHeaders().containsKey("ETag"));
    assertTrue(
        create.keySet().containsAll(List.of("400", "401", "403", "409", "413", "415", "422")));
    for (String type :
        List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data")) {
      for (Operation write :
          List.of(path("/v2/office/create").getPOST(), path("/v2/office/update/{id}").getPUT())) {
        assertNotNull(write.getRequestBody().getContent().getMediaType(type), type);
      }
    }

    assertTrue(
        path("/v2/office/view/{id}")
            .getGET()
            .getResponses()
            .getAPIResponse("200")
            .getHeaders()
            .containsKey("ETag"));
    Operation update = path("/v2/office/update").getPUT();
    assertTrue(refs(update.getParameters()).containsAll(List.of("query-id", "if-match")));
    assertTrue(
        update
            .getResponses()
            .getAPIResponses()
            .keySet()
            .containsAll(List.of("404", "409", "412", "422")));

    Operation delete = path("/v2/office/delete/{id}").getDELETE();
    assertTrue(refs(delete.getParameters()).containsAll(List.of("path-id", "force", "if-match")));
    assertNotNull(delete.getResponses().getAPIResponse("204"));
    assertEquals(
        "#/components/schemas/DeletePreview",
        delete
            .getResponses()
            .getAPIResponse("200")
            .getContent()
            .getMediaType("application/json")
            .getSchema()
            .getRef());
    assertEquals(
        Set.of("deleted", "entity", "affected", "counts"),
        schema("DeletePreview").getProperties().keySet());
  }

  @Test
  void errorsHaveTheContractBodies() {
    assertEquals(
        Set.of("name", "message", "code", "status"), schema("ApiError").getProperties().keySet());
    assertEquals(Set.of("field", "message"), schema("FieldError").getProperties().keySet());
    Map<String, APIResponse> responses = api.getComponents().getResponses();
    for (ErrorResponse error : ErrorResponse.values()) {
      Schema body =
          responses
              .get(error.componentName)
              .getContent()
              .getMediaType("application/json")
              .getSchema();
      if (error.status == 422) {
        assertEquals("#/components/schemas/FieldError", body.getItems().getRef());
      } else {
        assertEquals("#/components/schemas/ApiError", body.getRef(), error.componentName);
      }
    }
    assertEquals(
        List.of(400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 503),
        java.util.Arrays.stream(ErrorResponse.values()).map(e -> e.status).toList());
  }

  @Test
  void v2CallsNeedATokenAndTheTokenEndpointNone() {
    SecurityScheme oauth2 = api.getComponents().getSecuritySchemes().get("oauth2");
    assertEquals(SecurityScheme.Type.OAUTH2, oauth2.getType());
    assertEquals(
        "/realms/hse/protocol/openid-connect/token", oauth2.getFlows().getPassword().getTokenUrl());
    SecurityScheme accessToken = api.getComponents().getSecuritySchemes().get("access-token");
    assertEquals(SecurityScheme.Type.APIKEY, accessToken.getType());
    assertEquals(SecurityScheme.In.QUERY, accessToken.getIn());
    assertEquals("access-token", accessToken.getName());

    SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
    assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
    assertEquals("bearer", bearer.getScheme());

    assertNull(api.getSecurity());
    assertEquals(
        List.of(Set.of("bearer"), Set.of("oauth2"), Set.of("access-token")),
        path("/v2/action/view/{id}").getGET().getSecurity().stream()
            .map(requirement -> requirement.getSchemes().keySet())
            .toList());
    Operation token = path("/realms/{realm}/protocol/openid-connect/token").getPOST();
    assertAnonymous(token);
    assertAnonymous(path("/realms/{realm}/protocol/openid-connect/certs").getGET());
    assertEquals(
        Set.of(
            "access_token",
            "token_type",
            "expires_in",
            "refresh_token",
            "refresh_expires_in",
            "not-before-policy",
            "scope"),
        Set.copyOf(schema("TokenResponse").getRequired()));
    assertEquals(
        Set.of("grant_type", "client_id", "username", "password", "refresh_token"),
        schema("TokenRequest").getProperties().keySet());
  }

  /** The one empty requirement: anonymous (Payara's writer drops an empty list). */
  private static void assertAnonymous(Operation operation) {
    assertEquals(1, operation.getSecurity().size());
    assertTrue(
        operation.getSecurity().get(0).getSchemes() == null
            || operation.getSecurity().get(0).getSchemes().isEmpty());
  }

  @Test
  void serversAndTheTokenUrlFollowTheConfiguration() {
    assertEquals("/", api.getServers().get(0).getUrl());
    OpenAPI hosted =
        OpenApiDocument.build(
            models, OpenApiDocument.Settings.of("hse", "https://hse.example.com/api/", null));
    assertEquals("https://hse.example.com/api", hosted.getServers().get(0).getUrl());
    assertEquals(
        "https://hse.example.com/api/realms/hse/protocol/openid-connect/token", tokenUrl(hosted));
    OpenAPI keycloak =
        OpenApiDocument.build(
            models,
            OpenApiDocument.Settings.of("hse", null, "https://sso.example.com/realms/production"));
    assertEquals("/", keycloak.getServers().get(0).getUrl());
    assertEquals(
        "https://sso.example.com/realms/production/protocol/openid-connect/token",
        tokenUrl(keycloak));
  }

  @Test
  void lengthsAndBlanksAreDescribedAsEnforced() {
    Map<String, Schema> create = schema("IncidentCreate").getProperties();
    assertEquals(255, create.get("name").getMaxLength());
    assertEquals(1, create.get("name").getMinLength());
    assertEquals("\\S", create.get("name").getPattern());
    assertEquals(4000, create.get("description_event").getMaxLength());
    assertNull(create.get("description_event").getMinLength());
    assertNull(create.get("date_incident").getMaxLength());
    Map<String, Schema> action = schema("ActionCreate").getProperties();
    assertEquals(65536, action.get("data").getMaxLength());
    assertEquals(Schema.SchemaType.INTEGER, action.get("validity").getType());
    assertEquals(0, action.get("validity").getMinimum().intValue());
    assertEquals(List.of("YEAR", "MONTH", "DAY"), action.get("validity_unit").getEnumeration());
    assertEquals(4000, schema("OfficeCreate").getProperties().get("description").getMaxLength());
    assertEquals(255, schema("Office").getProperties().get("vat").getMaxLength());
  }

  @Test
  void filtersShareOneNamedListTypePerKindOfValue() {
    Map<String, Schema> filter = schema("IncidentActionFilter").getProperties();
    assertEquals("#/components/schemas/UuidValues", filter.get("entity_id").getRef());
    assertEquals("#/components/schemas/TextValues", filter.get("action_name").getRef());
    assertEquals(
        "#/components/schemas/TextValues",
        schema("ActionFilter").getProperties().get("manager").getRef());
    assertEquals(
        "#/components/schemas/CountValues",
        schema("ActionFilter").getProperties().get("validity").getRef());
    assertEquals(
        "#/components/schemas/StatusValues",
        schema("IncidentFilter").getProperties().get("status").getRef());
    assertEquals(
        "#/components/schemas/ProjectStatusValues",
        schema("ProjectFilter").getProperties().get("status").getRef());
    assertEquals(
        List.of("active", "suspended", "deleted"), schema("ProjectStatusValue").getEnumeration());
    assertEquals("#/components/schemas/UuidValue", schema("UuidValues").getItems().getRef());
    assertEquals("uuid", schema("UuidValue").getFormat());
    assertEquals(
        "#/components/schemas/UuidValues",
        path("/v2/incident-action/index").getGET().getParameters().stream()
            .filter(parameter -> "filter[entity_id]".equals(parameter.getName()))
            .findFirst()
            .orElseThrow()
            .getSchema()
            .getRef());
    assertEquals(1000, schema("UuidValues").getMaxItems());
  }

  @Test
  void noSchemaIsNamedAfterAJdkClass() {
    for (String name : api.getComponents().getSchemas().keySet()) {
      for (String pkg :
          List.of("java.lang.", "java.util.", "java.sql.", "java.time.", "java.io.")) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(pkg + name), pkg + name);
      }
    }
  }

  private static String tokenUrl(OpenAPI document) {
    return document
        .getComponents()
        .getSecuritySchemes()
        .get("oauth2")
        .getFlows()
        .getPassword()
        .getTokenUrl();
  }

  @Test
  void theRealmComesFromTheCaller() {
    assertEquals(
        "/realms/acme/protocol/openid-connect/token",
        tokenUrl(OpenApiDocument.build(models, "acme")));
  }

  private PathItem path(String path) {
    PathItem item = api.getPaths().getPathItem(path);
    assertNotNull(item, path);
    return item;
  }

  private Schema schema(String name) {
    Schema schema = api.getComponents().getSchemas().get(name);
    assertNotNull(schema, name);
    return schema;
  }

  private List<String> required(String resource) {
    return schema(resource + "Create").getRequired();
  }

  private static List<String> refs(List<Parameter> parameters) {
    return parameters.stream()
        .map(Parameter::getRef)
        .filter(ref -> ref != null)
        .map(ref -> ref.substring(ref.lastIndexOf('/') + 1))
        .toList();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
