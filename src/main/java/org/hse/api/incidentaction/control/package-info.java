/**
 * The incident-action resource's model: its field table, with the joined fields of the incident,
 * action, office and project, which drives binding, filters, sort, errors and OpenAPI.
 */
package org.hse.api.incidentaction.control;
