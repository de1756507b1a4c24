/**
 * The OpenAPI document of the v2 API, served by the MicroProfile OpenAPI runtime at {@code
 * /openapi}: built from the resource models by {@link org.hse.api.v2.openapi.ModelReader} (the
 * annotation scan is off, since the shared generic verbs cannot be described by annotations).
 */
package org.hse.api.v2.openapi;
