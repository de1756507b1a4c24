/**
 * The incident resource at its edge: {@code IncidentsResource}, the thin JAX-RS resource of {@code
 * /v2/incident}, and {@code Incidents}, its {@code @Stateless} boundary: the transaction and
 * security edge ({@code @RolesAllowed}) of every verb, over the generic control {@code
 * org.hse.api.items.ItemStore}.
 */
package org.hse.api.incident.boundary;
