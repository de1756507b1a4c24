package org.hse.api.model;

/** Whether a search's {@code sort} accepts a field. */
public enum Sort {
  SORTABLE,
  UNSORTED
}
