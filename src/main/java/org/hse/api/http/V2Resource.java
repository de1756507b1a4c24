package org.hse.api.http;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.function.LongPredicate;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.items.CreateRaced;
import org.hse.api.items.ItemVerbs;
import org.hse.api.items.Stored;
import org.hse.api.model.ResourceModel;
import org.hse.api.model.Values;
import org.hse.api.persistence.Audited;
import org.hse.api.query.DeletePreview;
import org.hse.api.query.IndexRequest;
import org.hse.api.query.Page;
import org.hse.api.security.Caller;
import org.hse.api.security.CallerProducer;

/**
 * The five verbs of a v2 resource as HTTP, written once: a feature's resource extends it, names its
 * path and hands over its model and its {@code @Stateless} boundary ({@link ItemVerbs}), the
 * transaction and security edge of every call. Kept thin: parsing, then one boundary call, then
 * headers.
 *
 * <p>A resource is {@code @ApplicationScoped}: its {@code @Context} fields are proxies to the
 * current request, and creating and injecting a resource for every request was a twentieth of a
 * view's CPU (JFR). It therefore keeps no state of a request in a field.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class V2Resource<E extends Audited> {

  /** The query parameter that may carry the token: never echoed into Link headers. */
  private static final String ACCESS_TOKEN = "access-token";

  @Context UriInfo uriInfo;

  @Context Request request;

  @Context HttpHeaders headers;

  @Context SecurityContext security;

  @Inject RequestBodies bodies;

  /** The resource's field table, from which requests are parsed. */
  protected abstract ResourceModel<E> model();

  /**
   * The feature's boundary, which every verb calls once. A resource injects it with {@code @EJB},
   * not {@code @Inject}: through CDI's proxy Payara finds the bean of a no-interface view again on
   * every call, by asking for the invocation handler of an object that is not a {@code
   * java.lang.reflect.Proxy} and catching the {@code IllegalArgumentException} with its stack trace
   * (3 % of a seed search's CPU, async-profiler), where the container's own reference calls the
   * container directly, with the same transaction and security.
   */
  protected abstract ItemVerbs<E> boundary();

  @POST
  @Path("index")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response searchByBody(InputStream body) {
    IndexRequest<E> search =
        IndexRequest.fromJson(model(), bodies.readSearch(body, headers.getMediaType()));
    Page<JsonObject> page = boundary().index(caller(), search);
    return PagingHeaders.paging(page(page), page).build();
  }

  @GET
  @Path("index")
  public Response searchByQuery() {
    IndexRequest<E> search = IndexRequest.fromQuery(model(), uriInfo.getQueryParameters());
    return pagedWithLinks(boundary().index(caller(), search));
  }

  @POST
  @Path("create")
  @Consumes({
    MediaType.APPLICATION_JSON,
    MediaType.APPLICATION_FORM_URLENCODED,
    MediaType.MULTIPART_FORM_DATA
  })
  public Response create(InputStream body) {
    JsonObject item = bodies.read(body, headers.getMediaType());
    Stored stored;
    try {
      stored = boundary().create(caller(), item);
    } catch (CreateRaced raced) {
      // the other create has committed: this one, in a new transaction, is now a plain retry
      stored = boundary().create(caller(), item);
    }
    ResponseBuilder response =
        stored.created()
            ? Response.created(
                uriInfo
                    .getBaseUriBuilder()
                    .path("v2")
                    .path(model().type())
                    .path("view")
                    .path(stored.id())
                    .build())
            : Response.ok();
    return item(response, stored);
  }

  /**
   * The item, or {@code 304 Not Modified} with its {@code ETag} and no body when the request's
   * {@code If-None-Match} (a list of ETags, or {@code *}) names its version, as JAX-RS reads the
   * header.
   */
  @GET
  @Path("view/{id}")
  public Response view(@PathParam("id") String id) {
    Stored stored = boundary().view(caller(), id);
    if (headers.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null) {
      ResponseBuilder unchanged = request.evaluatePreconditions(etag(stored.version()));
      if (unchanged != null) {
        return unchanged.tag(etag(stored.version())).build();
      }
    }
    return item(Response.ok(), stored);
  }

  @GET
  @Path("view")
  public Response viewByQuery(@QueryParam("id") String id) {
    return view(required(id));
  }

  @PUT
  @Path("update/{id}")
  @Consumes({
    MediaType.APPLICATION_JSON,
    MediaType.APPLICATION_FORM_URLENCODED,
    MediaType.MULTIPART_FORM_DATA
  })
  public Response update(@PathParam("id") String id, InputStream body) {
    JsonObject input = bodies.read(body, headers.getMediaType());
    return item(Response.ok(), boundary().update(caller(), id, input, ifMatch()));
  }

  @PUT
  @Path("update")
  @Consumes({
    MediaType.APPLICATION_JSON,
    MediaType.APPLICATION_FORM_URLENCODED,
    MediaType.MULTIPART_FORM_DATA
  })
  public Response updateByQuery(@QueryParam("id") String id, InputStream body) {
    return update(required(id), body);
  }

  /** The item's history, oldest first, paged like a search; it answers for a deleted item too. */
  @GET
  @Path("history/{id}")
  public Response history(@PathParam("id") String id) {
    IndexRequest<E> paging = pagingBeside("id", true);
    return pagedWithLinks(boundary().history(caller(), id, paging.page(), paging.perPage()));
  }

  @GET
  @Path("history")
  public Response historyByQuery(@QueryParam("id") String id) {
    return history(required(id));
  }

  /**
   * The change feed: the changes after the cursor {@code after} (from the beginning without one),
   * in the order they committed, with the cursor to ask after next.
   */
  @GET
  @Path("changes")
  public Response changes(@QueryParam("after") String after) {
    IndexRequest<E> paging = pagingBeside("after", false);
    return Response.ok(boundary().changes(caller(), after, paging.perPage()).toString()).build();
  }

  @DELETE
  @Path("delete/{id}")
  public Response delete(@PathParam("id") String id, @QueryParam("force") String force) {
    if (force == null || "false".equals(force)) {
      DeletePreview preview = boundary().preview(caller(), id);
      return Response.ok(preview.toJson().toString()).build();
    }
    if (!"true".equals(force)) {
      throw new ValidationFailedException("force", "must be true or false");
    }
    boundary().delete(caller(), id, ifMatch());
    return Response.noContent().build();
  }

  @DELETE
  @Path("delete")
  public Response deleteByQuery(@QueryParam("id") String id, @QueryParam("force") String force) {
    return delete(required(id), force);
  }

  /**
   * Whether this request's {@code If-Match} accepts an item's version, by JAX-RS's own reading of
   * the header ({@code *}, lists, strong comparison); null when the request has none. The boundary
   * asks it of the version it reads in the write's own transaction.
   */
  private LongPredicate ifMatch() {
    if (headers.getHeaderString(HttpHeaders.IF_MATCH) == null) {
      return null;
    }
    return version -> request.evaluatePreconditions(etag(version)) == null;
  }

  /** The verified caller of this request; 401 when there is none. */
  private Caller caller() {
    return CallerProducer.of(security.getUserPrincipal());
  }

  private static String required(String id) {
    if (id == null || id.isBlank()) {
      throw new NotFoundException("No id was given.");
    }
    return id;
  }

  private static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  private static Response item(ResponseBuilder response, Stored stored) {
    return response.tag(etag(stored.version())).entity(stored.item().toString()).build();
  }

  /**
   * The paging of the query string, whose only other parameter may be {@code own} (the id or the
   * cursor the method reads itself); {@code withPage} whether {@code page} is allowed.
   */
  private IndexRequest<E> pagingBeside(String own, boolean withPage) {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>(uriInfo.getQueryParameters());
    query.remove(own);
    return IndexRequest.pagingFromQuery(model(), query, withPage);
  }

  /** A page with the paging headers and the RFC 8288 links of the GET forms. */
  private Response pagedWithLinks(Page<JsonObject> page) {
    UriBuilder self = uriInfo.getRequestUriBuilder().replaceQueryParam(ACCESS_TOKEN);
    return PagingHeaders.links(PagingHeaders.paging(page(page), page), page, self).build();
  }

  /**
   * A page's items as a JSON array written straight to the response: building the array and its
   * text first was a sixth of the CPU of a page of 1000 (JFR).
   */
  private static ResponseBuilder page(Page<JsonObject> page) {
    StreamingOutput body =
        out -> {
          try (JsonGenerator json = Values.JSON.createGenerator(out)) {
            json.writeStartArray();
            page.items().forEach(json::write);
            json.writeEnd();
          }
        };
    return Response.ok(body);
  }
}
