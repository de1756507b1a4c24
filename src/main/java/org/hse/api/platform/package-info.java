/**
 * What the application stands on: the JAX-RS application, the data source chosen by configuration,
 * the Flyway migrations run at start-up, the optional demo data, what every answer shares beyond
 * the API (its security headers, the admin-only {@code /metrics} and the API's own metrics), and
 * what an operator's load balancer and orchestrator ask: readiness (the database answers, the JVM
 * is not stopping) and liveness.
 */
package org.hse.api.platform;
