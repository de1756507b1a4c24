package org.hse.api.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.hse.api.http.PagingHeaders;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.IndexRequest;

/**
 * The parts every resource shares: error bodies and responses, paging and concurrency headers,
 * paging and id parameters, the delete preview, and the two security schemes.
 */
final class SharedComponents {

  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";
  static final String MULTIPART = "multipart/form-data";

  static final String BEARER = "bearer";
  static final String OAUTH2 = "oauth2";
  static final String ACCESS_TOKEN = "access-token";

  /** Not {@code Error}: generated Java clients would clash with {@code java.lang.Error}. */
  static final String ERROR = "ApiError";

  static final String FIELD_ERROR = "FieldError";
  static final String DELETE_PREVIEW = "DeletePreview";

  static final String LINK = "Link";
  static final String LOCATION = "Location";
  static final String ETAG = "ETag";
  static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  static final String RETRY_AFTER = "Retry-After";
  static final List<String> PAGING_HEADERS =
      List.of(
          PagingHeaders.CURRENT_PAGE,
          PagingHeaders.PAGE_COUNT,
          PagingHeaders.PER_PAGE,
          PagingHeaders.TOTAL_COUNT);

  static final String PER_PAGE = "per-page";
  static final String PAGE = "page";
  static final String HISTORY = "history";
  static final String PATH_ID = "path-id";
  static final String QUERY_ID = "query-id";
  static final String IF_MATCH = "if-match";

  static final String IF_NONE_MATCH = "if-none-match";
  static final String FORCE = "force";

  private SharedComponents() {}

  /** The shared components; the password flow logs in at the given token URL. */
  static Components create(String tokenUrl) {
    Components components = OASFactory.createComponents();
    components.addSchema(ERROR, errorSchema());
    components.addSchema(FIELD_ERROR, fieldErrorSchema());
    components.addSchema(DELETE_PREVIEW, deletePreviewSchema());
    addHeaders(components);
    addParameters(components);
    for (ErrorResponse error : ErrorResponse.values()) {
      components.addResponse(error.componentName, errorResponse(error));
    }
    components.addSecurityScheme(
        BEARER,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("The token in the Authorization header: Bearer <jwt>."));
    components.addSecurityScheme(OAUTH2, oauth2(tokenUrl));
    components.addSecurityScheme(
        ACCESS_TOKEN,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.QUERY)
            .name(ACCESS_TOKEN)
            .description("The same bearer token, given as the query parameter access-token."));
    return components;
  }

  /** The path of the built-in, Keycloak-compatible token endpoint. */
  static String tokenPath(String realm) {
    return "/realms/" + realm + "/protocol/openid-connect/token";
  }

  static Content json(Schema schema) {
    return OASFactory.createContent()
        .addMediaType(JSON, OASFactory.createMediaType().schema(schema));
  }

  static Schema ref(String schemaName) {
    return OASFactory.createSchema().ref(schemaName);
  }

  static Schema string() {
    return SchemaTypes.of(SchemaType.STRING);
  }

  static Schema integer() {
    return SchemaTypes.of(SchemaType.INTEGER);
  }

  static Schema object() {
    return SchemaTypes.of(SchemaType.OBJECT);
  }

  /** A schema object whose properties are all required. */
  static Schema objectOf(Object... namesAndSchemas) {
    Schema schema = object();
    List<String> required = new ArrayList<>();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      String name = (String) namesAndSchemas[i];
      schema.addProperty(name, (Schema) namesAndSchemas[i + 1]);
      required.add(name);
    }
    return schema.required(required);
  }

  static Schema perPage() {
    return integer()
        .minimum(BigDecimal.ONE)
        .maximum(BigDecimal.valueOf(IndexRequest.MAX_PER_PAGE))
        .defaultValue(IndexRequest.DEFAULT_PER_PAGE)
        .description("Items per page.");
  }

  static Schema page() {
    return integer()
        .minimum(BigDecimal.ONE)
        .defaultValue(1)
        .description("The page, from 1. A page past the last answers an empty array.");
  }

  static Schema history() {
    return SchemaTypes.of(SchemaType.BOOLEAN)
        .defaultValue(false)
        .description(
            "Also find the items that were deleted, as they were just before their delete, each"
                + " with deleted_at and deleted_by; items there are now then carry both as null."
                + " Filters, sort and paging apply to both kinds alike. Without it, answers carry"
                + " neither field. In the query string: history=1 (or true).");
  }

  static Header headerRef(String name) {
    return OASFactory.createHeader().ref(name);
  }

  static Parameter parameterRef(String name) {
    return OASFactory.createParameter().ref(name);
  }

  static APIResponse responseRef(ErrorResponse error) {
    return OASFactory.createAPIResponse().ref(error.componentName);
  }

  private static Schema errorSchema() {
    return objectOf(
            "name", string().example("Not Found"),
            "message", string().description("A sentence for people."),
            "code", integer().example(0),
            "status", integer().description("The HTTP status.").example(404))
        .description("The body of every error answer but 422.");
  }

  private static Schema fieldErrorSchema() {
    return objectOf(
            "field", string().example("entity_id"),
            "message", string().description("Why the field failed."))
        .description("One failing field of a 422 answer.");
  }

  /**
   * The answer of a delete without {@code force}. Its {@code deleted} is a boolean that says it is
   * always false, not an {@code enum} of false: of such an enum in an OpenAPI 3.1 document (Payara
   * 7's), OpenAPI Generator 7.25.0 makes a Java enum that does not compile ({@code FALSE("false")}
   * for a {@code Boolean}); of 3.0's it makes a plain {@code Boolean} anyway.
   */
  private static Schema deletePreviewSchema() {
    Schema reference = objectOf("type", string(), "id", string().format("uuid"));
    Schema affected =
        objectOf("type", string(), "id", string().format("uuid"), "label", string())
            .description("An item a forced delete would remove.");
    return objectOf(
            "deleted",
            SchemaTypes.of(SchemaType.BOOLEAN)
                .description("Always false: nothing was deleted (force=true answers 204)."),
            "entity",
            reference.description("The item asked for."),
            "affected",
            SchemaTypes.of(SchemaType.ARRAY)
                .items(affected)
                .maxItems(DeletePreview.MAX_AFFECTED)
                .description(
                    "The item itself and every dependent, capped at "
                        + DeletePreview.MAX_AFFECTED
                        + " entries."),
            "counts",
            object()
                .additionalPropertiesSchema(integer().format("int64"))
                .description("How many items of each type would be deleted; always complete."))
        .description("What force=true would delete; nothing is deleted.");
  }

  private static void addHeaders(Components components) {
    components.addHeader(
        PagingHeaders.CURRENT_PAGE, header(integer(), "The page this answer holds."));
    components.addHeader(PagingHeaders.PAGE_COUNT, header(integer(), "How many pages there are."));
    components.addHeader(PagingHeaders.PER_PAGE, header(integer(), "Items per page."));
    components.addHeader(
        PagingHeaders.TOTAL_COUNT, header(integer(), "How many items match, on every page."));
    components.addHeader(
        LINK, header(string(), "RFC 8288 links: self, first, prev, next, last as they exist."));
    components.addHeader(
        LOCATION, header(string().format("uri"), "The created item: .../v2/<resource>/view/<id>."));
    components.addHeader(
        ETAG,
        header(
            string(),
            "The item's version, for If-Match on update and delete and If-None-Match on view."));
    components.addHeader(WWW_AUTHENTICATE, header(string().example("Bearer"), "Bearer."));
    components.addHeader(RETRY_AFTER, header(integer(), "Seconds to wait before retrying."));
  }

  private static Header header(Schema schema, String description) {
    return OASFactory.createHeader().schema(schema).description(description);
  }

  private static void addParameters(Components components) {
    components.addParameter(PER_PAGE, query(PER_PAGE, perPage()));
    components.addParameter(PAGE, query(PAGE, page()));
    components.addParameter(HISTORY, query(HISTORY, history()));
    components.addParameter(
        PATH_ID,
        OASFactory.createParameter()
            .name("id")
            .in(Parameter.In.PATH)
            .required(true)
            .schema(string().format("uuid"))
            .description("The item's id."));
    components.addParameter(
        QUERY_ID,
        query("id", string().format("uuid"))
            .required(true)
            .description("The item's id; without it the answer is 404."));
    components.addParameter(
        IF_MATCH,
        OASFactory.createParameter()
            .name("If-Match")
            .in(Parameter.In.HEADER)
            .schema(string())
            .description("The ETag last read: 412 when the item has changed since."));
    components.addParameter(
        IF_NONE_MATCH,
        OASFactory.createParameter()
            .name("If-None-Match")
            .in(Parameter.In.HEADER)
            .schema(string())
            .description(
                "ETags the client holds (a list, or *): 304 with no body when one is the item's."));
    components.addParameter(
        FORCE,
        query(
            FORCE,
            SchemaTypes.of(SchemaType.BOOLEAN)
                .defaultValue(false)
                .description(
                    "true deletes the item and every dependent (204); absent or false deletes"
                        + " nothing and answers the preview (200). Any other value is a 422.")));
  }

  private static Parameter query(String name, Schema schema) {
    return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).schema(schema);
  }

  private static APIResponse errorResponse(ErrorResponse error) {
    Schema body =
        error == ErrorResponse.VALIDATION_FAILED
            ? SchemaTypes.of(SchemaType.ARRAY).items(ref(FIELD_ERROR))
            : ref(ERROR);
    APIResponse response =
        OASFactory.createAPIResponse().description(error.description).content(json(body));
    if (error == ErrorResponse.UNAUTHORIZED) {
      response.addHeader(WWW_AUTHENTICATE, headerRef(WWW_AUTHENTICATE));
    }
    if (error == ErrorResponse.SERVICE_UNAVAILABLE) {
      response.addHeader(RETRY_AFTER, headerRef(RETRY_AFTER));
    }
    return response;
  }

  private static SecurityScheme oauth2(String tokenUrl) {
    return OASFactory.createSecurityScheme()
        .type(SecurityScheme.Type.OAUTH2)
        .description(
            "A bearer JWT in the Authorization header, from the password grant of the token"
                + " endpoint (the built-in one, or the external issuer's when one is configured).")
        .flows(
            OASFactory.createOAuthFlows()
                .password(
                    OASFactory.createOAuthFlow()
                        .tokenUrl(tokenUrl)
                        .refreshUrl(tokenUrl)
                        .addScope(
                            "profile",
                            "Granted with every token of the built-in endpoint; no operation"
                                + " needs a scope.")));
  }
}
