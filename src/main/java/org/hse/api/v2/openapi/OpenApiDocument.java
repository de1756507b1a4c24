package org.hse.api.v2.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;
import org.hse.api.v2.ResourceModel;

/**
 * Builds the OpenAPI document of the v2 API from the resource models: for each resource its item,
 * input and search schemas and its five verbs, plus the shared error answers, the security schemes
 * and the built-in token endpoint. Nothing in it is written per resource.
 */
public final class OpenApiDocument {

  /** The OpenAPI version of the document (MicroProfile OpenAPI 3.1 models OpenAPI 3.0). */
  public static final String OPENAPI_VERSION = "3.0.3";

  private OpenApiDocument() {}

  /**
   * The document for these resources.
   *
   * @param models the resource models, in the order their paths appear
   * @param realm the realm of the built-in token endpoint ({@code auth.realm})
   */
  public static OpenAPI build(List<? extends ResourceModel<?>> models, String realm) {
    Components components = SharedComponents.create(realm);
    Paths paths = OASFactory.createPaths();
    OpenAPI api =
        OASFactory.createOpenAPI()
            .openapi(OPENAPI_VERSION)
            .info(
                OASFactory.createInfo()
                    .title("Incident actions (4hse v2)")
                    .version("2")
                    .description(
                        "Links between incidents and the corrective and preventive actions taken"
                            + " for them. Every /v2 call needs a bearer token (Authorization header"
                            + " or access-token query parameter); reader, writer and admin roles;"
                            + " items of another tenant answer 404."))
            .components(components)
            .paths(paths);
    for (ResourceModel<?> model : models) {
      ResourceDocument resource = new ResourceDocument(model);
      resource.addSchemas(components);
      resource.addPaths(paths);
      api.addTag(OASFactory.createTag().name(model.type()));
    }
    TokenEndpointDocument tokenEndpoint = new TokenEndpointDocument(realm);
    tokenEndpoint.addSchemas(components);
    tokenEndpoint.addPaths(paths);
    api.addTag(
        OASFactory.createTag()
            .name(TokenEndpointDocument.TAG)
            .description("The built-in, Keycloak-compatible token endpoint."));
    return api;
  }
}
