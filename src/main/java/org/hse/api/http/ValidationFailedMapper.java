package org.hse.api.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.hse.api.errors.ErrorResponses;
import org.hse.api.errors.ValidationFailedException;

/** 422 with every failing field. */
@Provider
public class ValidationFailedMapper implements ExceptionMapper<ValidationFailedException> {

  @Override
  public Response toResponse(ValidationFailedException exception) {
    return ErrorResponses.unprocessable(exception.errors());
  }
}
