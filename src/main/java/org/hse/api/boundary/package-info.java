/**
 * The generic boundary: {@link org.hse.api.boundary.Items}, the one {@code @Stateless} bean whose
 * verbs serve every resource, which owns the transaction of each verb, binds and validates the
 * item, writes its history and runs the queries; the {@link org.hse.api.boundary.ItemRules} a
 * feature hands to each verb (its model, who may write it, how it resolves the {@link
 * org.hse.api.boundary.References} an item names); and the role check ({@link
 * org.hse.api.boundary.Needs}, {@link org.hse.api.boundary.RoleCheck}) that decides who may call
 * each verb. It depends on the query package, the model, the error body and the caller-side
 * security; never on the HTTP edge.
 */
package org.hse.api.boundary;
