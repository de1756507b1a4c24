package org.hse.api.openapi;

import static org.hse.api.openapi.SharedComponents.integer;
import static org.hse.api.openapi.SharedComponents.json;
import static org.hse.api.openapi.SharedComponents.object;
import static org.hse.api.openapi.SharedComponents.ref;
import static org.hse.api.openapi.SharedComponents.string;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The built-in, Keycloak-compatible token endpoint: {@code POST .../token} and {@code GET
 * .../certs}. Neither needs a token: their security is the one empty requirement, anonymous.
 * (Payara's writer leaves out empty lists, so {@code security: []} would not reach the document,
 * and {@code [{}]} says the same to every tool.)
 */
final class TokenEndpointDocument {

  static final String TAG = "token";
  static final String BASE_PATH = "/realms/{realm}/protocol/openid-connect";

  private static final String TOKEN_REQUEST = "TokenRequest";
  private static final String TOKEN_RESPONSE = "TokenResponse";
  private static final String TOKEN_ERROR = "TokenError";
  private static final String KEY_SET = "JsonWebKeySet";

  private final String realm;

  TokenEndpointDocument(String realm) {
    this.realm = realm;
  }

  void addSchemas(Components components) {
    components.addSchema(TOKEN_REQUEST, tokenRequest());
    components.addSchema(
        TOKEN_RESPONSE,
        SharedComponents.objectOf(
                "access_token", string(),
                "token_type", string().example("Bearer"),
                "expires_in", integer().description("Seconds the access token lives."),
                "refresh_token", string(),
                "refresh_expires_in", integer().description("Seconds the refresh token lives."),
                "not-before-policy", integer().description("Keycloak's not-before policy: 0."),
                "scope", string().example("profile"))
            .addProperty("session_state", string().description("Sent by Keycloak."))
            .addProperty("id_token", string().description("Sent by Keycloak for scope openid."))
            .description("Keycloak's token response."));
    components.addSchema(
        TOKEN_ERROR,
        object()
            .addProperty("error", string().example("invalid_grant"))
            .addProperty("error_description", string())
            .required(new ArrayList<>(List.of("error")))
            .description("An OAuth2 error, e.g. invalid_client, invalid_grant, invalid_request."));
    components.addSchema(
        KEY_SET,
        SharedComponents.objectOf("keys", SchemaTypes.of(SchemaType.ARRAY).items(object()))
            .description("The public keys that verify the tokens (RFC 7517)."));
  }

  void addPaths(Paths paths) {
    paths.addPathItem(BASE_PATH + "/token", OASFactory.createPathItem().POST(token()));
    paths.addPathItem(BASE_PATH + "/certs", OASFactory.createPathItem().GET(certs()));
  }

  private Operation token() {
    return operation("token", "Get or refresh a token (password and refresh_token grants)")
        .requestBody(
            OASFactory.createRequestBody()
                .required(true)
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            SharedComponents.FORM,
                            OASFactory.createMediaType().schema(ref(TOKEN_REQUEST)))))
        .responses(
            OASFactory.createAPIResponses()
                .addAPIResponse(
                    "200",
                    OASFactory.createAPIResponse()
                        .description("The tokens.")
                        .content(json(ref(TOKEN_RESPONSE))))
                .addAPIResponse("400", tokenError("A missing or unsupported parameter."))
                .addAPIResponse(
                    "401",
                    tokenError(
                        "An unknown client (invalid_client), or a wrong user or password"
                            + " (invalid_grant)."))
                .addAPIResponse("404", notServed()));
  }

  private Operation certs() {
    return operation("certs", "The JSON Web Key Set of the token signing keys")
        .responses(
            OASFactory.createAPIResponses()
                .addAPIResponse(
                    "200",
                    OASFactory.createAPIResponse()
                        .description("The public keys.")
                        .content(json(ref(KEY_SET))))
                .addAPIResponse("404", notServed()));
  }

  private Operation operation(String operationId, String summary) {
    return OASFactory.createOperation()
        .operationId(operationId)
        .summary(summary)
        .description("No authentication: this is where tokens come from.")
        .addTag(TAG)
        .security(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())))
        .addParameter(
            OASFactory.createParameter()
                .name("realm")
                .in(Parameter.In.PATH)
                .required(true)
                .schema(string().enumeration(new ArrayList<>(List.of(realm))))
                .description("The configured realm (auth.realm)."));
  }

  private static Schema tokenRequest() {
    return object()
        .addProperty(
            "grant_type",
            string().enumeration(new ArrayList<>(List.of("password", "refresh_token"))))
        .addProperty(
            "client_id", string().description("The configured client id (auth.client-id)."))
        .addProperty("username", string().description("For grant_type=password."))
        .addProperty(
            "password", string().format("password").description("For grant_type=password."))
        .addProperty("refresh_token", string().description("For grant_type=refresh_token."))
        .required(new ArrayList<>(List.of("grant_type", "client_id")));
  }

  private static APIResponse tokenError(String description) {
    return OASFactory.createAPIResponse().description(description).content(json(ref(TOKEN_ERROR)));
  }

  private static APIResponse notServed() {
    return OASFactory.createAPIResponse()
        .description(
            "Another realm, or the endpoint is switched off (as it is when an external issuer is"
                + " configured).");
  }
}
