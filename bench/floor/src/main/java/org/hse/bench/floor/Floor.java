package org.hse.bench.floor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /floor/noop}: verifies the bearer token and the role like every product endpoint, then
 * answers {@code {}}. What the server, the token check and the HTTP round trip cost, and nothing
 * else.
 */
@Path("noop")
@RequestScoped
public class Floor {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({"reader", "writer", "admin"})
  public String noop() {
    return "{}";
  }
}
