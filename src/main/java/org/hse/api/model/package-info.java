/**
 * The resource model: each resource's field table ({@link org.hse.api.model.Field}, built with
 * {@link org.hse.api.model.Fields}) with the JPA metamodel attribute, the value codec, whether a
 * client may write it and whether it sorts, and {@link org.hse.api.model.ResourceModel}, which the
 * feature models declare. It binds and validates a client's item ({@link
 * org.hse.api.model.ItemInput}), parses and prints values ({@link org.hse.api.model.Values}), and
 * drives the queries and the OpenAPI document. It may depend on the entity base ({@code
 * persistence}) and the error body ({@code errors}) only: never on the queries, the boundary or the
 * HTTP edge.
 */
package org.hse.api.model;
