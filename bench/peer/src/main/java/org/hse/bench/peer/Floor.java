package org.hse.bench.peer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hse.bench.peer.security.Caller;

/**
 * {@code GET /floor/noop}: the peer's own floor. It verifies the bearer token and the role like
 * every endpoint of the peer, on a worker thread like them, then answers {@code {}}: what Quarkus,
 * the token check and the HTTP round trip cost, and nothing else. The same path as the product's
 * floor, so that {@code bench/load.lua} drives both alike.
 */
@Path("/floor/noop")
public class Floor {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Caller.READER, Caller.WRITER, Caller.ADMIN})
  public String noop() {
    return "{}";
  }
}
