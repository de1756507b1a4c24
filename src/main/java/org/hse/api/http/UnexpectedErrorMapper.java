package org.hse.api.http;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hse.api.errors.ErrorResponses;
import org.hse.api.errors.ValidationFailedException;

/**
 * Whatever no other mapper claims. Exceptions that reach JAX-RS wrapped (an EJB's system exception,
 * a rolled-back transaction) are unwrapped to the cause a mapper knows; anything else is a 500
 * whose body says nothing of the cause, which is logged instead.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context Providers providers;

  @Override
  public Response toResponse(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException || cause instanceof ValidationFailedException) {
        return delegate(cause);
      }
      if (cause instanceof OptimisticLockException) {
        return ErrorResponses.error(409, "The item changed at the same time; read it again.");
      }
    }
    return unexpected(exception);
  }

  @SuppressWarnings("unchecked")
  private <T extends Throwable> Response delegate(T cause) {
    ExceptionMapper<T> mapper = (ExceptionMapper<T>) providers.getExceptionMapper(cause.getClass());
    return mapper.toResponse(cause);
  }

  static Response unexpected(Throwable exception) {
    LOG.log(Level.SEVERE, "unexpected error answered as 500", exception);
    return ErrorResponses.error(500, null);
  }
}
