package org.hse.api.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application at the root, so that {@code /v2/...} and the token endpoint's {@code
 * /realms/...} paths are the hosted API's. {@code @ApplicationScoped} lets Payara see the
 * {@code @LoginConfig} (STACK.md, gotcha 1).
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "hse")
@DeclareRoles({"reader", "writer", "admin"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Incident actions (4hse v2)",
            version = "2",
            description =
                "Links between incidents and the corrective and preventive actions taken for them."),
    security = {@SecurityRequirement(name = "oauth2"), @SecurityRequirement(name = "access-token")})
@SecurityScheme(
    securitySchemeName = "oauth2",
    type = SecuritySchemeType.OAUTH2,
    flows =
        @OAuthFlows(password = @OAuthFlow(tokenUrl = "/realms/hse/protocol/openid-connect/token")))
@SecurityScheme(
    securitySchemeName = "access-token",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.QUERY,
    apiKeyName = "access-token")
public class RestApplication extends Application {}
