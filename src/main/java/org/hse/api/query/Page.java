package org.hse.api.query;

import java.util.List;

/** One page of a search: its items and what the paging headers say about the whole result. */
public record Page<T>(List<T> items, long totalCount, int page, int perPage) {

  public Page {
    items = List.copyOf(items);
  }

  public long pageCount() {
    return (totalCount + perPage - 1) / perPage;
  }
}
