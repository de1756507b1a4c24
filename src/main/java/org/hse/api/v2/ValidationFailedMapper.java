package org.hse.api.v2;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 422 with every failing field. */
@Provider
public class ValidationFailedMapper implements ExceptionMapper<ValidationFailedException> {

  @Override
  public Response toResponse(ValidationFailedException exception) {
    return ErrorResponses.unprocessable(exception.errors());
  }
}
