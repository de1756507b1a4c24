/**
 * The project and office resources at their edge: the JAX-RS resources of {@code /v2/project} and
 * {@code /v2/office}, thin, and the {@code @Stateless} boundaries they delegate to, which only
 * admins may write through.
 */
package org.hse.api.tenancy.boundary;
