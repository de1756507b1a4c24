package org.hse.bench.peer.http;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The contract's two error bodies: {@code {"name", "message", "code", "status"}} for an error, and
 * the list of failing fields for a 422. The 401 and 403 of the security layer keep Quarkus's own
 * answers (a status and {@code WWW-Authenticate}, no body).
 */
public class ErrorMappers {

  private static final int UNPROCESSABLE = 422;

  /** The reason phrases JAX-RS's Status lacks. */
  private static final Map<Integer, String> NAMES = Map.of(UNPROCESSABLE, "Unprocessable Entity");

  /** The JSON body of an error. */
  public record ErrorBody(String name, String message, int code, int status) {}

  @ServerExceptionMapper
  public Response validation(ValidationFailed e) {
    List<FieldError> errors = e.errors();
    return Response.status(UNPROCESSABLE, "Unprocessable Entity")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(errors)
        .build();
  }

  /** 404, 409, 412 and the like, with the headers the exception set (such as {@code Allow}). */
  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    Response original = e.getResponse();
    Response.ResponseBuilder response = Response.fromResponse(original);
    response.type(MediaType.APPLICATION_JSON_TYPE);
    return response.entity(body(original.getStatus(), e.getMessage())).build();
  }

  /** A write that raced another: the row changed between this transaction's read and its flush. */
  @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
  public Response raced(RuntimeException e) {
    return error(409, "The item conflicts with one stored at the same time; read it again.");
  }

  public static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(status, message))
        .build();
  }

  private static ErrorBody body(int status, String message) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String name =
        known != null ? known.getReasonPhrase() : NAMES.getOrDefault(status, "Error " + status);
    return new ErrorBody(name, message, 0, status);
  }
}
