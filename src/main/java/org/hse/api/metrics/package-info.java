/**
 * The application's meters, whatever the server's metrics library: one small interface ({@link
 * org.hse.api.metrics.Meters}) that the request filter, the token mechanism and the pool gauges
 * count through, and one adapter per library, MicroProfile Metrics (Payara) and Micrometer (WildFly
 * 39, which ships no MicroProfile Metrics), chosen at start by which the server has. Both write the
 * same Prometheus names and tags. It depends on nothing of the application, so that {@code
 * security} can count its refusals through it; only its adapters name a metrics library.
 */
package org.hse.api.metrics;
