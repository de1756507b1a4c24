/**
 * What the application stands on: the JAX-RS application, the data source chosen by configuration,
 * the Flyway migrations run at start-up, the optional demo data, and what every answer shares
 * beyond the API: its security headers, the admin-only {@code /metrics} and the API's own metrics.
 */
package org.hse.api.platform;
