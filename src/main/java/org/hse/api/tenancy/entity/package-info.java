/**
 * Projects and offices as JPA stores them, and {@code Placed}, the mapped superclass of what is
 * placed at an office of a project; the schema is Flyway's.
 */
package org.hse.api.tenancy.entity;
