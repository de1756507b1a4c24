package org.hse.api.http;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hse.api.errors.ErrorResponses;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.persistence.DatabaseUnavailable;

/**
 * Whatever no other mapper claims. Exceptions that reach JAX-RS wrapped (an EJB's system exception,
 * a rolled-back transaction) are unwrapped to the cause a mapper knows; a database out of reach is
 * a 503 with {@code Retry-After} and one log line; anything else is a 500 whose body says nothing
 * of the cause, which is logged instead.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context Providers providers;

  /** The seconds a client waits before it retries while the database is out of reach. */
  static final int RETRY_AFTER_SECONDS = 1;

  @Override
  public Response toResponse(Throwable exception) {
    return answer(exception, providers);
  }

  /** The answer to a failure no specific mapper claimed, as {@link #toResponse} gives it. */
  static Response answer(Throwable exception, Providers providers) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException || cause instanceof ValidationFailedException) {
        return delegate(cause, providers);
      }
      if (cause instanceof OptimisticLockException) {
        return ErrorResponses.error(409, "The item changed at the same time; read it again.");
      }
    }
    return unexpected(exception);
  }

  /** A failure of the service's own: 503 when the database is out of reach, else 500. */
  static Response unexpected(Throwable exception) {
    if (DatabaseUnavailable.causes(exception)) {
      LOG.warning(() -> "The database is out of reach, answered 503: " + rootMessage(exception));
      return Response.fromResponse(ErrorResponses.error(503, null))
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(Level.SEVERE, "unexpected error answered as 500", exception);
    return ErrorResponses.error(500, null);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> Response delegate(T cause, Providers providers) {
    ExceptionMapper<T> mapper = (ExceptionMapper<T>) providers.getExceptionMapper(cause.getClass());
    return mapper.toResponse(cause);
  }

  private static String rootMessage(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getName() + ": " + root.getMessage();
  }
}
