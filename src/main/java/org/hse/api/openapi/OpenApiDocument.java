package org.hse.api.openapi;

import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;
import org.hse.api.model.ResourceModel;
import org.hse.api.tokens.AuthSettings;

/**
 * Builds the OpenAPI document of the v2 API from the resource models: for each resource its item,
 * input and search schemas and its five verbs, plus the shared error answers, the security schemes
 * and the built-in token endpoint. Nothing in it is written per resource.
 */
public final class OpenApiDocument {

  /** The URL clients reach the API at, for the document's {@code servers} and token URL. */
  public static final String PUBLIC_URL = "api.public-url";

  private OpenApiDocument() {}

  /**
   * The OpenAPI version of the document, that of the MicroProfile OpenAPI model it is built in:
   * 3.0.3 on MicroProfile OpenAPI 3.1 (Payara 6, and the build, which compiles against it), 3.1.0
   * on 4 (Payara 7; WildFly writes it as 3.0.3 all the same, {@link SchemaTypes} says why).
   */
  public static String openApiVersion() {
    return SchemaTypes.openApiVersion();
  }

  /**
   * Where the document points its clients, from the configuration.
   *
   * @param realm the realm of the built-in token endpoint ({@code auth.realm})
   * @param serverUrl the base URL of the API ({@code api.public-url}), {@code /} (where the
   *     document is served) when unset
   * @param tokenUrl where the password flow logs in: the external issuer's token endpoint when one
   *     is configured, the built-in one otherwise
   */
  public record Settings(String realm, String serverUrl, String tokenUrl) {

    /** The settings of the built-in token endpoint, relative to where the document is served. */
    public static Settings builtIn(String realm) {
      return new Settings(realm, "/", SharedComponents.tokenPath(realm));
    }

    /**
     * The settings of this configuration: {@code api.public-url}, the realm, and the external
     * issuer when one is configured. The document and the docs page ({@code org.hse.api.docs}) read
     * them alike, so that the page logs in where the document says.
     */
    public static Settings from(Config config) {
      AuthSettings auth = AuthSettings.from(config);
      return of(
          auth.realm(),
          config.getOptionalValue(PUBLIC_URL, String.class).orElse(null),
          auth.externalIssuer() ? auth.issuer() : null);
    }

    /**
     * The settings from the configured values.
     *
     * @param publicUrl {@code api.public-url}, or null
     * @param externalIssuer the issuer's URL ({@code mp.jwt.verify.issuer}) when tokens come from
     *     an external issuer (Keycloak), else null
     */
    public static Settings of(String realm, String publicUrl, String externalIssuer) {
      String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
      String tokenUrl =
          externalIssuer != null
              ? externalIssuer.replaceAll("/+$", "") + "/protocol/openid-connect/token"
              : base + SharedComponents.tokenPath(realm);
      return new Settings(realm, base.isEmpty() ? "/" : base, tokenUrl);
    }
  }

  /** The document for these resources, with the built-in token endpoint. */
  public static OpenAPI build(List<? extends ResourceModel<?>> models, String realm) {
    return build(models, Settings.builtIn(realm));
  }

  /**
   * The document for these resources.
   *
   * @param models the resource models, in the order their paths appear
   * @param settings where the document points its clients
   */
  public static OpenAPI build(List<? extends ResourceModel<?>> models, Settings settings) {
    String realm = settings.realm();
    Components components = SharedComponents.create(settings.tokenUrl());
    Paths paths = OASFactory.createPaths();
    OpenAPI api =
        OASFactory.createOpenAPI()
            .openapi(openApiVersion())
            .info(
                OASFactory.createInfo()
                    .title("Incident actions (4hse v2)")
                    .version("2")
                    .description(
                        "Links between incidents and the corrective and preventive actions taken"
                            + " for them. Every /v2 call needs a bearer token (Authorization header"
                            + " or access-token query parameter); reader, writer and admin roles;"
                            + " items of another tenant answer 404."))
            .addServer(OASFactory.createServer().url(settings.serverUrl()))
            .components(components)
            .paths(paths);
    for (ResourceModel<?> model : models) {
      ResourceDocument resource = new ResourceDocument(model);
      resource.addSchemas(components);
      resource.addPaths(paths);
      api.addTag(
          OASFactory.createTag()
              .name(model.type())
              .description(
                  "The "
                      + model.type()
                      + " items: search, create, view, update and delete (with its preview)."));
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
