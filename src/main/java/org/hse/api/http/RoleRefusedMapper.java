package org.hse.api.http;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.List;
import java.util.Set;
import org.hse.api.errors.ErrorResponses;

/**
 * A boundary's {@code @RolesAllowed} refusing the caller's role (the container throws {@link
 * EJBAccessException} on WildFly, {@link AccessLocalException} on Payara, before the verb runs, so
 * nothing was read or written): 403, with a message that names the resource and whether the role
 * may not read or may not change its items, as {@code /v2/<resource>/<verb>} tells. Both are
 * application exceptions ({@code ejb-jar.xml}), so they arrive unwrapped and unlogged; any other
 * {@link EJBException} is answered as {@link UnexpectedErrorMapper} answers its causes.
 */
@Provider
public class RoleRefusedMapper implements ExceptionMapper<EJBException> {

  /**
   * The verbs that read; any other verb changes items (the delete preview is a delete's first
   * step).
   */
  static final Set<String> READING = Set.of("index", "view", "history", "changes");

  @Context UriInfo uriInfo;

  @Context Providers providers;

  @Override
  public Response toResponse(EJBException exception) {
    if (!(exception instanceof EJBAccessException || exception instanceof AccessLocalException)) {
      return UnexpectedErrorMapper.answer(exception, providers);
    }
    return ErrorResponses.error(
        Status.FORBIDDEN.getStatusCode(), message(uriInfo.getPathSegments()));
  }

  static String message(List<PathSegment> path) {
    if (path.size() < 3) {
      return "Your role may not do this.";
    }
    String verb = READING.contains(path.get(2).getPath()) ? "read " : "change ";
    return "Your role may not " + verb + path.get(1).getPath() + " items.";
  }
}
