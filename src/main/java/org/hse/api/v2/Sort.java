package org.hse.api.v2;

/** Whether a search's {@code sort} accepts a field. */
public enum Sort {
  SORTABLE,
  UNSORTED
}
