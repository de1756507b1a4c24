/**
 * The generic boundary: {@link org.hse.api.boundary.V2Store}, the {@code @Stateless} base of every
 * feature's boundary, which owns the transaction of each verb, binds and validates the item, writes
 * its history and runs the queries; and the role check ({@link org.hse.api.boundary.Needs}, {@link
 * org.hse.api.boundary.RoleCheck}) that decides who may call each verb. It depends on the query
 * package, the model, the error body and the caller-side security; never on the HTTP edge.
 */
package org.hse.api.boundary;
