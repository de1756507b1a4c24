package org.hse.bench.peer.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.hse.bench.peer.http.ValidationFailed;
import org.hse.bench.peer.security.Caller;

/**
 * {@code /v2/incident-action}: view, search (query string and JSON body), create, update and the
 * delete with its preview, as the contract answers them: the item's version as a strong {@code
 * ETag}, {@code If-None-Match} on a view (304), {@code If-Match} on a write (412), the four {@code
 * X-Pagination-*} headers of a search and, on the GET form, its RFC 8288 {@code Link} header. Any
 * of the three roles reads; writers and admins write. Each method is one call of {@link LinkSearch}
 * or {@link LinkWrites}; they run on worker threads (Quarkus REST's default for blocking methods).
 */
@Path("/v2/incident-action")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.READER, Caller.WRITER, Caller.ADMIN})
public class IncidentActionResource {

  static final String CURRENT_PAGE = "X-Pagination-Current-Page";
  static final String PAGE_COUNT = "X-Pagination-Page-Count";
  static final String PER_PAGE = "X-Pagination-Per-Page";
  static final String TOTAL_COUNT = "X-Pagination-Total-Count";

  @Inject LinkSearch search;

  @Inject LinkWrites writes;

  @GET
  @Path("view/{id}")
  public Response view(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context Request request) {
    LinkView link = search.view(id).orElseThrow(() -> notFound(id));
    EntityTag tag = etag(link.version());
    if (ifNoneMatch != null) {
      ResponseBuilder unchanged = request.evaluatePreconditions(tag);
      if (unchanged != null) {
        return unchanged.tag(tag).build();
      }
    }
    return Response.ok(link).tag(tag).build();
  }

  @GET
  @Path("index")
  public Response index(@Context UriInfo uri) {
    Page page = search.page(Search.fromQuery(uri.getQueryParameters()));
    return links(paged(page), page, uri.getRequestUriBuilder()).build();
  }

  @POST
  @Path("index")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response index(SearchRequest body) {
    return paged(search.page(Search.fromBody(body))).build();
  }

  @POST
  @Path("create")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public Response create(LinkInput input, @Context UriInfo uri) {
    LinkView link = writes.create(input != null ? input : LinkInput.EMPTY);
    return Response.created(
            uri.getBaseUriBuilder().path("v2/incident-action/view").path(link.id()).build())
        .tag(etag(link.version()))
        .entity(link)
        .build();
  }

  @PUT
  @Path("update/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public Response update(
      @PathParam("id") String id,
      JsonNode body,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context Request request) {
    if (body != null && !body.isObject()) {
      throw new BadRequestException("The body must be a JSON object.");
    }
    JsonNode changes = body != null ? body : JsonNodeFactory.instance.objectNode();
    LinkView link = writes.update(id, changes, ifMatch(ifMatch, request));
    return Response.ok(link).tag(etag(link.version())).build();
  }

  /**
   * Without {@code force} (or with {@code false}) the preview of what {@code force=true} deletes;
   * with it, the delete (204).
   */
  @DELETE
  @Path("delete/{id}")
  @RolesAllowed({Caller.WRITER, Caller.ADMIN})
  public Response delete(
      @PathParam("id") String id,
      @QueryParam("force") String force,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context Request request) {
    if (force == null || "false".equals(force)) {
      return Response.ok(search.preview(id).orElseThrow(() -> notFound(id))).build();
    }
    if (!"true".equals(force)) {
      throw new ValidationFailed("force", "must be true or false");
    }
    writes.delete(id, ifMatch(ifMatch, request));
    return Response.noContent().build();
  }

  /**
   * Whether the request's {@code If-Match} accepts a version, by JAX-RS's reading of the header
   * ({@code *}, lists, strong comparison); null without one. The write asks it of the version it
   * reads in its own transaction.
   */
  private static LongPredicate ifMatch(String header, Request request) {
    if (header == null) {
      return null;
    }
    return version -> request.evaluatePreconditions(etag(version)) == null;
  }

  private static ResponseBuilder paged(Page page) {
    return Response.ok(page.items())
        .header(CURRENT_PAGE, page.page())
        .header(PAGE_COUNT, page.pageCount())
        .header(PER_PAGE, page.perPage())
        .header(TOTAL_COUNT, page.totalCount());
  }

  /** Links to this page and, as they exist, the first, previous, next and last pages. */
  private static ResponseBuilder links(ResponseBuilder response, Page page, UriBuilder request) {
    long last = Math.max(1, page.pageCount());
    List<Link> links = new ArrayList<>();
    links.add(link(request, page.page(), "self"));
    links.add(link(request, 1, "first"));
    if (page.page() > 1) {
      links.add(link(request, Math.min(page.page() - 1, last), "prev"));
    }
    if (page.page() < last) {
      links.add(link(request, page.page() + 1, "next"));
    }
    links.add(link(request, last, "last"));
    return response.links(links.toArray(Link[]::new));
  }

  private static Link link(UriBuilder request, long page, String rel) {
    return Link.fromUri(request.clone().replaceQueryParam("page", page).build()).rel(rel).build();
  }

  private static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("No incident-action has the id " + id + ".");
  }
}
