/**
 * What every stored item is as JPA sees it: {@link org.hse.api.persistence.Audited}, the mapped
 * superclass with the id, the version and the timestamps, and the name of the one data source
 * ({@link org.hse.api.persistence.DataSourceName}), and how a failure tells that the database is
 * out of reach ({@link org.hse.api.persistence.DatabaseUnavailable}). The feature entities extend
 * it; it depends on nothing of the application, so an entity depends on no layer above JPA.
 */
package org.hse.api.persistence;
