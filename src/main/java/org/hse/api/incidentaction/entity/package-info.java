/** The incident-action link as JPA stores it; the schema is Flyway's. */
package org.hse.api.incidentaction.entity;
