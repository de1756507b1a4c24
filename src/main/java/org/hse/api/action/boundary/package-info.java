/**
 * The action resource at its edge: {@code ActionsResource}, the thin JAX-RS resource of {@code
 * /v2/action}, and {@code Actions}, its {@code @Stateless} boundary: the transaction and security
 * edge ({@code @RolesAllowed}) of every verb, over the generic control {@code
 * org.hse.api.items.ItemStore}.
 */
package org.hse.api.action.boundary;
