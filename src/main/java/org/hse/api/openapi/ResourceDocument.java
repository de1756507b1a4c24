package org.hse.api.openapi;

import static org.hse.api.openapi.SharedComponents.FORM;
import static org.hse.api.openapi.SharedComponents.MULTIPART;
import static org.hse.api.openapi.SharedComponents.headerRef;
import static org.hse.api.openapi.SharedComponents.json;
import static org.hse.api.openapi.SharedComponents.parameterRef;
import static org.hse.api.openapi.SharedComponents.ref;
import static org.hse.api.openapi.SharedComponents.responseRef;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.hse.api.model.Field;
import org.hse.api.model.ResourceModel;
import org.hse.api.query.DeletedItems;

/**
 * The schemas and the paths of one v2 resource, read from its model: the item, the create and
 * update bodies, the search body and its filter, and the five verbs (with the {@code ?id=} forms).
 */
final class ResourceDocument {

  private static final ErrorResponse[] READ_ERRORS = {
    ErrorResponse.UNAUTHORIZED, ErrorResponse.FORBIDDEN, ErrorResponse.NOT_FOUND
  };

  private final ResourceModel<?> model;
  private final String type;
  private final String schemaName;
  private Components components;

  ResourceDocument(ResourceModel<?> model) {
    this.model = model;
    this.type = model.type();
    this.schemaName = schemaName(model.type());
  }

  /** The schema name of a resource type: {@code incident-action} is {@code IncidentAction}. */
  static String schemaName(String type) {
    StringBuilder name = new StringBuilder();
    for (String word : type.split("-")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }

  /** The base path of the resource, e.g. {@code /v2/incident-action}. */
  String basePath() {
    return "/v2/" + type;
  }

  /** Adds the resource's schemas, and the filter types its fields need; first of the two adds. */
  void addSchemas(Components components) {
    this.components = components;
    components.addSchema(schemaName, itemSchema());
    components.addSchema(createName(), createSchema());
    components.addSchema(updateName(), updateSchema());
    components.addSchema(filterName(), filterSchema());
    components.addSchema(searchName(), searchSchema());
    components.addSchema(historyEntryName(), historyEntrySchema());
    components.addSchema(changesName(), changesSchema());
  }

  void addPaths(Paths paths) {
    String base = basePath();
    paths.addPathItem(
        base + "/index", OASFactory.createPathItem().POST(searchByBody()).GET(searchByQuery()));
    paths.addPathItem(base + "/create", OASFactory.createPathItem().POST(create()));
    paths.addPathItem(base + "/view/{id}", OASFactory.createPathItem().GET(view(true)));
    paths.addPathItem(base + "/view", OASFactory.createPathItem().GET(view(false)));
    paths.addPathItem(base + "/update/{id}", OASFactory.createPathItem().PUT(update(true)));
    paths.addPathItem(base + "/update", OASFactory.createPathItem().PUT(update(false)));
    paths.addPathItem(base + "/delete/{id}", OASFactory.createPathItem().DELETE(delete(true)));
    paths.addPathItem(base + "/delete", OASFactory.createPathItem().DELETE(delete(false)));
    paths.addPathItem(base + "/history/{id}", OASFactory.createPathItem().GET(history(true)));
    paths.addPathItem(base + "/history", OASFactory.createPathItem().GET(history(false)));
    paths.addPathItem(base + "/changes", OASFactory.createPathItem().GET(changes()));
  }

  private String historyEntryName() {
    return schemaName + "HistoryEntry";
  }

  private String changesName() {
    return schemaName + "Changes";
  }

  /** What every change carries: its operation, when and by whom, and the item it left. */
  private Object[] change() {
    return new Object[] {
      "operation",
      SharedComponents.string().enumeration(List.of("create", "update", "delete")),
      "at",
      SharedComponents.string()
          .format("date-time")
          .description("When the change was stored (UTC)."),
      "by",
      SharedComponents.string().description("The upn of the caller who made the change."),
      "item",
      ref(schemaName)
    };
  }

  private Schema historyEntrySchema() {
    List<Object> fields = new ArrayList<>();
    fields.add("version");
    fields.add(
        SharedComponents.integer()
            .format("int64")
            .description(
                "The item's version after a create or update; a delete's is one more than the"
                    + " item's last."));
    fields.addAll(List.of(change()));
    return SharedComponents.objectOf(fields.toArray())
        .description(
            "One change of a "
                + type
                + " item, with the item as view answered it right after the change (for a"
                + " delete, as it was just before).");
  }

  private Schema changesSchema() {
    List<Object> fields = new ArrayList<>();
    fields.add("cursor");
    fields.add(SharedComponents.string().description("Opaque: where this change is in the feed."));
    fields.add("id");
    fields.add(SharedComponents.string().format("uuid"));
    fields.addAll(List.of(change()));
    Schema change =
        SharedComponents.objectOf(fields.toArray())
            .description(
                "One change, with the item as view answered it right after the change (for a"
                    + " delete, as it was just before).");
    return SharedComponents.objectOf(
            "changes",
            SchemaTypes.of(SchemaType.ARRAY).items(change),
            "next",
            SharedComponents.string()
                .description(
                    "The cursor to ask after next: the last change's, or the one given when there"
                        + " is none yet."))
        .description("Changes of " + type + " items in the order they committed.");
  }

  private String createName() {
    return schemaName + "Create";
  }

  private String updateName() {
    return schemaName + "Update";
  }

  private String filterName() {
    return schemaName + "Filter";
  }

  private String searchName() {
    return schemaName + "Search";
  }

  private List<Field<?>> fields() {
    return List.copyOf(model.fields());
  }

  private List<Field<?>> writableFields() {
    return fields().stream().filter(field -> field.access().writable()).toList();
  }

  /**
   * An item: every field, and, only in the answers of a search with {@code history: true}, when and
   * by whom it was deleted.
   */
  private Schema itemSchema() {
    Schema schema =
        SharedComponents.object()
            .description(
                "One "
                    + type
                    + " item; it carries every field, null where unset. A search with history:"
                    + " true also answers deleted_at and deleted_by, which no other answer carries.");
    List<String> required = new ArrayList<>();
    for (Field<?> field : fields()) {
      schema.addProperty(field.name(), FieldSchemas.item(model.entityClass(), field));
      required.add(field.name());
    }
    schema.addProperty(
        DeletedItems.DELETED_AT,
        SchemaTypes.nullable(SharedComponents.string().format("date-time"))
            .readOnly(true)
            .description(
                "Only with history: true: when the item was deleted (UTC); null for an item there"
                    + " is now."));
    schema.addProperty(
        DeletedItems.DELETED_BY,
        SchemaTypes.nullable(SharedComponents.string())
            .readOnly(true)
            .description(
                "Only with history: true: the upn of the caller who deleted the item; null for an"
                    + " item there is now."));
    return schema.required(required);
  }

  private Schema createSchema() {
    Schema schema =
        writeSchema(
            "A new item of "
                + type
                + ". Read-only fields sent are ignored; any other unknown key is a 422.");
    List<String> required = new ArrayList<>();
    for (Field<?> field : writableFields()) {
      if (field.required()) {
        required.add(field.name());
      }
    }
    return schema.required(required);
  }

  /**
   * A create or update body: the writable fields with their limits, the read-only ones as ignored
   * whatever their value, and no other key (an unknown key is a 422).
   */
  private Schema writeSchema(String description) {
    Schema schema =
        SharedComponents.object().additionalPropertiesBoolean(false).description(description);
    for (Field<?> field : fields()) {
      schema.addProperty(
          field.name(),
          field.access().writable()
              ? FieldSchemas.input(model.entityClass(), field)
              : FieldSchemas.ignored(field));
    }
    return schema;
  }

  private Schema updateSchema() {
    return writeSchema(
        "The fields of an item of "
            + type
            + " to change; the id and fixed fields may be repeated but not changed."
            + " Read-only fields sent are ignored; any other unknown key is a 422.");
  }

  private Schema filterSchema() {
    Schema schema =
        SharedComponents.object()
            .additionalPropertiesBoolean(false)
            .description(
                "Field conditions, all ANDed; a list of values means any of these. An unknown"
                    + " field is a 422.");
    for (Field<?> field : fields()) {
      schema.addProperty(field.name(), FieldSchemas.filter(components, schemaName, field));
    }
    return schema;
  }

  private Schema searchSchema() {
    return SharedComponents.object()
        .additionalPropertiesBoolean(false)
        .description("A search; every key is optional, any other key is a 422.")
        .addProperty("filter", ref(filterName()))
        .addProperty(SharedComponents.PER_PAGE, SharedComponents.perPage())
        .addProperty(SharedComponents.PAGE, SharedComponents.page())
        .addProperty("sort", sortSchema())
        .addProperty(SharedComponents.HISTORY, SharedComponents.history());
  }

  /** The sort keys: the description lists them, the pattern admits exactly their combinations. */
  private Schema sortSchema() {
    List<String> keys = fields().stream().filter(Field::sortable).map(Field::name).toList();
    String key = "-?(" + String.join("|", keys) + ")";
    return SharedComponents.string()
        .pattern("^" + key + "(," + key + ")*$")
        .description(
            "Sort keys, comma separated, each optionally prefixed with - for descending. Allowed: "
                + String.join(", ", keys)
                + ". Default: created_at ascending; the id always completes the order.");
  }

  private Operation operation(String operationId, String summary) {
    return OASFactory.createOperation()
        .operationId(operationId)
        .summary(summary)
        .addTag(type)
        .security(bearerOrAccessToken());
  }

  /** Any of the security schemes authenticates a v2 call: they all carry the same token. */
  private static List<SecurityRequirement> bearerOrAccessToken() {
    List<SecurityRequirement> alternatives = new ArrayList<>();
    alternatives.add(OASFactory.createSecurityRequirement().addScheme(SharedComponents.BEARER));
    alternatives.add(OASFactory.createSecurityRequirement().addScheme(SharedComponents.OAUTH2));
    alternatives.add(
        OASFactory.createSecurityRequirement().addScheme(SharedComponents.ACCESS_TOKEN));
    return alternatives;
  }

  private Operation searchByBody() {
    return operation(verbId("search", "ByBody"), "Search " + type + " items (JSON body)")
        .requestBody(
            OASFactory.createRequestBody()
                .description("The search; an empty body is an empty object.")
                .content(json(ref(searchName()))))
        .responses(
            okOr(
                page("One page of matching items, in the requested order.", schemaName, false),
                ErrorResponse.BAD_REQUEST,
                ErrorResponse.UNAUTHORIZED,
                ErrorResponse.FORBIDDEN,
                ErrorResponse.PAYLOAD_TOO_LARGE,
                ErrorResponse.UNSUPPORTED_MEDIA_TYPE,
                ErrorResponse.VALIDATION_FAILED));
  }

  private Operation searchByQuery() {
    Operation operation =
        operation(verbId("search", "ByQuery"), "Search " + type + " items (query string)")
            .addParameter(parameterRef(SharedComponents.PER_PAGE))
            .addParameter(parameterRef(SharedComponents.PAGE))
            .addParameter(
                OASFactory.createParameter()
                    .name("sort")
                    .in(Parameter.In.QUERY)
                    .schema(sortSchema()))
            .addParameter(parameterRef(SharedComponents.HISTORY));
    for (Field<?> field : fields()) {
      operation.addParameter(
          OASFactory.createParameter()
              .name("filter[" + field.name() + "]")
              .in(Parameter.In.QUERY)
              .style(Parameter.Style.FORM)
              .explode(true)
              .schema(FieldSchemas.filterParameter(components, schemaName, field))
              .description(FieldSchemas.matching(field) + " Repeated: any of these."));
    }
    return operation.responses(
        okOr(
            page("One page of matching items, in the requested order.", schemaName, true),
            ErrorResponse.UNAUTHORIZED,
            ErrorResponse.FORBIDDEN,
            ErrorResponse.VALIDATION_FAILED));
  }

  /** A page of items of the named schema, with the paging headers and, if asked, Link. */
  private APIResponse page(String description, String items, boolean links) {
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(description)
            .content(json(SchemaTypes.of(SchemaType.ARRAY).items(ref(items))));
    for (String header : SharedComponents.PAGING_HEADERS) {
      response.addHeader(header, headerRef(header));
    }
    if (links) {
      response.addHeader(SharedComponents.LINK, headerRef(SharedComponents.LINK));
    }
    return response;
  }

  private Operation create() {
    APIResponse created =
        item("Created: the stored item.")
            .addHeader(SharedComponents.LOCATION, headerRef(SharedComponents.LOCATION));
    return operation(verbId("create", ""), "Create one " + type)
        .requestBody(body(createName()))
        .responses(
            withErrors(
                OASFactory.createAPIResponses()
                    .addAPIResponse("201", created)
                    .addAPIResponse(
                        "200",
                        item(
                            "A retried create (same id, same content): the stored item; nothing"
                                + " is created.")),
                ErrorResponse.BAD_REQUEST,
                ErrorResponse.UNAUTHORIZED,
                ErrorResponse.FORBIDDEN,
                ErrorResponse.CONFLICT,
                ErrorResponse.PAYLOAD_TOO_LARGE,
                ErrorResponse.UNSUPPORTED_MEDIA_TYPE,
                ErrorResponse.VALIDATION_FAILED));
  }

  private Operation view(boolean idInPath) {
    return onOneItem("view", idInPath, "Read one " + type, SharedComponents.IF_NONE_MATCH)
        .responses(
            okOr(item("The item."), READ_ERRORS)
                .addAPIResponse(
                    "304",
                    OASFactory.createAPIResponse()
                        .description(
                            "Not modified: If-None-Match names the item's version (or is *);"
                                + " no body.")
                        .addHeader(SharedComponents.ETAG, headerRef(SharedComponents.ETAG))));
  }

  private Operation update(boolean idInPath) {
    return onOneItem("update", idInPath, "Update one " + type, SharedComponents.IF_MATCH)
        .requestBody(body(updateName()))
        .responses(
            okOr(
                item("The stored item."),
                ErrorResponse.BAD_REQUEST,
                ErrorResponse.UNAUTHORIZED,
                ErrorResponse.FORBIDDEN,
                ErrorResponse.NOT_FOUND,
                ErrorResponse.CONFLICT,
                ErrorResponse.PRECONDITION_FAILED,
                ErrorResponse.PAYLOAD_TOO_LARGE,
                ErrorResponse.UNSUPPORTED_MEDIA_TYPE,
                ErrorResponse.VALIDATION_FAILED));
  }

  private Operation delete(boolean idInPath) {
    String dependents =
        model.parents().isEmpty()
            ? ""
            : " (" + type + " depends on " + String.join(", ", model.parents().keySet()) + ")";
    return onOneItem(
            "delete",
            idInPath,
            "Delete one " + type + " and its dependents, or preview that" + dependents,
            SharedComponents.FORCE,
            SharedComponents.IF_MATCH)
        .responses(
            withErrors(
                OASFactory.createAPIResponses()
                    .addAPIResponse(
                        "200",
                        OASFactory.createAPIResponse()
                            .description(
                                "force absent or false: nothing deleted, the preview of what"
                                    + " force=true would delete.")
                            .content(json(ref(SharedComponents.DELETE_PREVIEW))))
                    .addAPIResponse(
                        "204",
                        OASFactory.createAPIResponse()
                            .description(
                                "force=true: the item and every dependent deleted, in one"
                                    + " transaction.")),
                ErrorResponse.UNAUTHORIZED,
                ErrorResponse.FORBIDDEN,
                ErrorResponse.NOT_FOUND,
                ErrorResponse.CONFLICT,
                ErrorResponse.PRECONDITION_FAILED,
                ErrorResponse.VALIDATION_FAILED));
  }

  private Operation history(boolean idInPath) {
    return onOneItem(
            "history",
            idInPath,
            "The history of one " + type + ", oldest first; also of a deleted one",
            SharedComponents.PER_PAGE,
            SharedComponents.PAGE)
        .responses(
            okOr(
                page(
                    "One page of the item's history entries, oldest first.",
                    historyEntryName(),
                    true),
                ErrorResponse.UNAUTHORIZED,
                ErrorResponse.FORBIDDEN,
                ErrorResponse.NOT_FOUND,
                ErrorResponse.VALIDATION_FAILED));
  }

  private Operation changes() {
    return operation(
            verbId("changes", ""),
            "The change feed of " + type + " items, in the order the changes committed")
        .addParameter(
            OASFactory.createParameter()
                .name("after")
                .in(Parameter.In.QUERY)
                .schema(SharedComponents.string())
                .description(
                    "A cursor from an earlier answer (next, or a change's cursor); without it,"
                        + " the feed starts at the beginning. A malformed cursor is a 422."))
        .addParameter(parameterRef(SharedComponents.PER_PAGE))
        .responses(
            okOr(
                OASFactory.createAPIResponse()
                    .description(
                        "The changes after the cursor that the caller may see, and the"
                            + " cursor to ask after next.")
                    .content(json(ref(changesName()))),
                ErrorResponse.UNAUTHORIZED,
                ErrorResponse.FORBIDDEN,
                ErrorResponse.VALIDATION_FAILED));
  }

  /**
   * An operation on one item, which names it by its id in the path, or in the query for the {@code
   * ByQuery} variant; the shared parameters named follow the id.
   */
  private Operation onOneItem(
      String verb, boolean idInPath, String summary, String... sharedParameters) {
    Operation operation =
        operation(verbId(verb, idInPath ? "" : "ByQuery"), summary)
            .addParameter(
                parameterRef(idInPath ? SharedComponents.PATH_ID : SharedComponents.QUERY_ID));
    for (String parameter : sharedParameters) {
      operation.addParameter(parameterRef(parameter));
    }
    return operation;
  }

  /** An operation id such as {@code createIncidentAction} or {@code viewIncidentActionByQuery}. */
  private String verbId(String verb, String suffix) {
    return verb + schemaName + suffix;
  }

  private APIResponse item(String description) {
    return OASFactory.createAPIResponse()
        .description(description)
        .content(json(ref(schemaName)))
        .addHeader(SharedComponents.ETAG, headerRef(SharedComponents.ETAG));
  }

  private static RequestBody body(String schemaName) {
    Content content =
        json(ref(schemaName))
            .addMediaType(FORM, OASFactory.createMediaType().schema(ref(schemaName)))
            .addMediaType(MULTIPART, OASFactory.createMediaType().schema(ref(schemaName)));
    return OASFactory.createRequestBody().required(true).content(content);
  }

  /** The responses of a verb that answers 200 with {@code ok}, or one of the errors. */
  private static APIResponses okOr(APIResponse ok, ErrorResponse... errors) {
    return withErrors(OASFactory.createAPIResponses().addAPIResponse("200", ok), errors);
  }

  /** The given errors, and the 503 of a database out of reach, which every verb may answer. */
  private static APIResponses withErrors(APIResponses responses, ErrorResponse... errors) {
    for (ErrorResponse error : errors) {
      responses.addAPIResponse(Integer.toString(error.status), responseRef(error));
    }
    ErrorResponse unavailable = ErrorResponse.SERVICE_UNAVAILABLE;
    return responses.addAPIResponse(Integer.toString(unavailable.status), responseRef(unavailable));
  }
}
