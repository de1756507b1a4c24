/**
 * The queries and the history, in JPQL and JDBC: a search as a client asked for it ({@link
 * org.hse.api.query.IndexRequest}) run over live items ({@link org.hse.api.query.IndexQuery}) or
 * over live and deleted ones ({@link org.hse.api.query.WithDeletedQuery}), the per-tenant counts
 * that answer a search's total, the history entries of a write, the change feed and the delete
 * preview; and {@link org.hse.api.query.TenantScope}, the one owner of tenant isolation, whose
 * condition every query carries. It depends on the model, the entity base, the error body and the
 * {@link org.hse.api.security.Caller} whose scope it builds; never on a boundary, the generic
 * control or the HTTP edge.
 */
package org.hse.api.query;
