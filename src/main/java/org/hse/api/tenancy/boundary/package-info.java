/**
 * The project and office resources at their edge: the thin JAX-RS resources of {@code /v2/project}
 * and {@code /v2/office}; their {@code @Stateless} boundaries ({@code Projects}, {@code Offices}),
 * the transaction and security edge of every verb, which leave writes to admins
 * ({@code @RolesAllowed}); and {@code Placement}, the rule of the resources placed at an office of
 * a project, which the boundaries of incidents and actions apply.
 */
package org.hse.api.tenancy.boundary;
