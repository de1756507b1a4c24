/**
 * The HTTP edge: {@link org.hse.api.http.V2Resource}, the JAX-RS verbs every v2 resource shares
 * (query and form parameters, request bodies in JSON or form encoding, ETags and {@code If-Match},
 * the paging and Link headers), and the exception mappers that turn every failure into the
 * contract's error bodies, a boundary's refusal of a role ({@link
 * org.hse.api.http.RoleRefusedMapper}) included. A feature's resource names its model and its
 * boundary, which the edge calls through {@link org.hse.api.items.ItemVerbs}. It depends on that
 * interface, what a boundary answers (the query package's pages, the model's values), the error
 * body and the caller-side security; nothing below it depends on it.
 */
package org.hse.api.http;
