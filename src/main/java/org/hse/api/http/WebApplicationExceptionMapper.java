package org.hse.api.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.hse.api.errors.ErrorResponses;

/**
 * Every HTTP error raised by the resources or by JAX-RS itself (404, 405, 415, ...) in the
 * contract's body.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    if (original.getStatus() >= 500) {
      return UnexpectedErrorMapper.unexpected(exception);
    }
    return ErrorResponses.error(original, exception.getMessage());
  }
}
