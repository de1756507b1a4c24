package org.hse.api.http;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import org.hse.api.query.Page;

/** The four {@code X-Pagination-*} headers of every index answer, and the RFC 8288 Link header. */
public final class PagingHeaders {

  public static final String CURRENT_PAGE = "X-Pagination-Current-Page";
  public static final String PAGE_COUNT = "X-Pagination-Page-Count";
  public static final String PER_PAGE = "X-Pagination-Per-Page";
  public static final String TOTAL_COUNT = "X-Pagination-Total-Count";

  private PagingHeaders() {}

  public static ResponseBuilder paging(ResponseBuilder response, Page<?> page) {
    return response
        .header(CURRENT_PAGE, page.page())
        .header(PAGE_COUNT, page.pageCount())
        .header(PER_PAGE, page.perPage())
        .header(TOTAL_COUNT, page.totalCount());
  }

  /** Links to this page and, as they exist, the first, previous, next and last pages. */
  public static ResponseBuilder links(ResponseBuilder response, Page<?> page, UriBuilder request) {
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
}
