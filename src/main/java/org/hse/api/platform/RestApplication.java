package org.hse.api.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.hse.api.action.boundary.ActionsResource;
import org.hse.api.docs.DocsResource;
import org.hse.api.http.AuthenticationFirst;
import org.hse.api.http.RoleRefusedMapper;
import org.hse.api.http.UnexpectedErrorMapper;
import org.hse.api.http.ValidationFailedMapper;
import org.hse.api.http.WebApplicationExceptionMapper;
import org.hse.api.incident.boundary.IncidentsResource;
import org.hse.api.incidentaction.boundary.IncidentActionsResource;
import org.hse.api.security.Caller;
import org.hse.api.tenancy.boundary.OfficesResource;
import org.hse.api.tenancy.boundary.ProjectsResource;
import org.hse.api.tokens.TokenEndpoint;

/**
 * The JAX-RS application at the root, so that {@code /v2/...} and the token endpoint's {@code
 * /realms/...} paths are the hosted API's. {@code @ApplicationScoped} lets Payara see the
 * {@code @LoginConfig}. Its OpenAPI document is built by {@link org.hse.api.openapi.ModelReader}.
 *
 * <p>Its resources and providers are listed here rather than found by scanning: the servlet
 * container hands JAX-RS every class with {@code @Path} on a method too, so the scan took the
 * abstract {@code org.hse.api.http.V2Resource}, which Jersey then refused to instantiate with two
 * warnings at every start. {@code RestApplicationTest} fails when a class of the sources with
 * {@code @Path} or {@code @Provider} is missing from the list.
 *
 * <p>Jersey's WADL ({@code /application.wadl}, about 31 KB describing every resource, to anyone) is
 * off: the OpenAPI document is the one description, and the start's list of endpoints names no WADL
 * either.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "hse")
@DeclareRoles({Caller.READER, Caller.WRITER, Caller.ADMIN})
public class RestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        ActionsResource.class,
        IncidentsResource.class,
        IncidentActionsResource.class,
        OfficesResource.class,
        ProjectsResource.class,
        TokenEndpoint.class,
        DocsResource.class,
        AuthenticationFirst.class,
        WebApplicationExceptionMapper.class,
        RoleRefusedMapper.class,
        ValidationFailedMapper.class,
        UnexpectedErrorMapper.class,
        ApiMetrics.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
