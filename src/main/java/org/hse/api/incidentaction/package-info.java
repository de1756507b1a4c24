/**
 * The incident-action link: which actions answer which incident. Every item carries the joined
 * fields of its incident, action, office and project, fetched with it in one query.
 */
package org.hse.api.incidentaction;
