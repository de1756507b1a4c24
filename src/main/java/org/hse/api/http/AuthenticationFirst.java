package org.hse.api.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.hse.api.security.CallerProducer;

/**
 * Authentication comes first on {@code /v2/}: a request without a verified token is a 401 with the
 * {@code Bearer} challenge before JAX-RS matches a method or looks at the id, the parameters or the
 * body, so an anonymous client learns nothing of the API's shape from a 404, 405, 415 or 422. A
 * token that fails verification never gets here: the authentication mechanism has answered it 401
 * already ({@code org.hse.api.security.AccessTokenMechanism}). The test is the resources' own
 * ({@link CallerProducer#verified}), which throws the 401 and reads no claim: the resource reads
 * them once, for its caller.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFirst implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean api = path.startsWith("v2/") || path.startsWith("/v2/") || path.equals("v2");
    if (api) {
      CallerProducer.verified(request.getSecurityContext().getUserPrincipal());
    }
  }
}
