/**
 * The incident-action resource at its edge: {@code IncidentActionsResource}, the thin JAX-RS
 * resource of {@code /v2/incident-action}, and {@code IncidentActions}, its {@code @Stateless}
 * boundary: the transaction and security edge ({@code @RolesAllowed}) of every verb, owner of the
 * link's rules (incident and action of one project, the link at the incident's place, each pair
 * once), over the generic control {@code org.hse.api.items.ItemStore}.
 */
package org.hse.api.incidentaction.boundary;
