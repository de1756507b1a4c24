/**
 * The project and office resources at their edge: the JAX-RS resources of {@code /v2/project} and
 * {@code /v2/office}, thin; their rules ({@code ProjectRules}, {@code OfficeRules}), which leave
 * writes to admins; and {@code Placement}, the rule the resources placed at an office of a project
 * (incidents, actions) apply.
 */
package org.hse.api.tenancy.boundary;
