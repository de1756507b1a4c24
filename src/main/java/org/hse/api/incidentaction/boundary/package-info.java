/**
 * The incident-action resource at its edge: the JAX-RS resource of {@code /v2/incident-action},
 * thin, and {@code IncidentActionRules}, what the one boundary ({@code org.hse.api.boundary.Items})
 * needs to know of the resource: its model, who may write it and how a write finds the items it
 * names.
 */
package org.hse.api.incidentaction.boundary;
