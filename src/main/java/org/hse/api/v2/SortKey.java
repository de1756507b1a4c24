package org.hse.api.v2;

/** One key of a {@code sort} parameter: a sortable field, ascending or descending. */
public record SortKey<E extends Audited>(Field<E> field, boolean descending) {}
