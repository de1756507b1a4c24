/**
 * The incident resource at its edge: the JAX-RS resource of {@code /v2/incident}, thin, and the
 * {@code @Stateless} boundary it delegates to, the transaction and security edge of every verb.
 */
package org.hse.api.incident.boundary;
