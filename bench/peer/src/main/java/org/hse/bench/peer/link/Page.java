package org.hse.bench.peer.link;

import java.util.List;

/** One page of a search, with what the paging headers say of the whole result. */
public record Page(List<LinkView> items, long totalCount, int page, int perPage) {

  public long pageCount() {
    return (totalCount + perPage - 1) / perPage;
  }
}
