/**
 * What the application stands on: the JAX-RS application, the data source chosen by configuration,
 * the Flyway migrations run at start-up and the optional demo data.
 */
package org.hse.api.platform;
