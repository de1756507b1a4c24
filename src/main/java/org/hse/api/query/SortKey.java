package org.hse.api.query;

import org.hse.api.model.Field;
import org.hse.api.persistence.Audited;

/** One key of a {@code sort} parameter: a sortable field, ascending or descending. */
public record SortKey<E extends Audited>(Field<E> field, boolean descending) {}
