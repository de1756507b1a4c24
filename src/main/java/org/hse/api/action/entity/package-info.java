/** The action as JPA stores it; the schema is Flyway's. */
package org.hse.api.action.entity;
