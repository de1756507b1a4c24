package org.hse.api.items;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response.Status;

/**
 * A create the database refused because a concurrent transaction, on this instance or another,
 * committed the same id or the same unique pair first (or locked rows it needed): the boundary's
 * transaction rolls back, and the HTTP edge runs the create once more, in a new transaction, which
 * then sees the winner's row and answers as for a retry (200, 409 or the pair's 422). A 409 if it
 * is not retried.
 */
public final class CreateRaced extends ClientErrorException {

  private static final long serialVersionUID = 1L;

  CreateRaced(Throwable cause) {
    super(
        "The item conflicts with one stored at the same time; read it again.",
        Status.CONFLICT,
        cause);
  }
}
