package org.hse.api.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application at the root, so that {@code /v2/...} and the token endpoint's {@code
 * /realms/...} paths are the hosted API's. {@code @ApplicationScoped} lets Payara see the
 * {@code @LoginConfig}. Its OpenAPI document is built by {@link org.hse.api.openapi.ModelReader}.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "hse")
public class RestApplication extends Application {}
