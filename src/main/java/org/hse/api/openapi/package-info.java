/**
 * The OpenAPI document of the v2 API, served by the MicroProfile OpenAPI runtime at {@code
 * /openapi}: built from the resource models by {@link org.hse.api.openapi.ModelReader} (the
 * annotation scan is off, since the shared generic verbs cannot be described by annotations). It
 * describes the HTTP edge, so it reads the model, the search parameters, the paging headers and the
 * token endpoint's settings; nothing depends on it but the platform's start-up check.
 */
package org.hse.api.openapi;
