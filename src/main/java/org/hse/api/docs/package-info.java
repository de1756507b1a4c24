/**
 * The docs page at {@code /docs/}: Swagger UI (the {@code org.webjars:swagger-ui} jar in the WAR)
 * on the served OpenAPI document {@code /openapi}, whose "Authorize" logs in with the password flow
 * at the document's token URL and whose "Try it out" calls the API on the same origin.
 */
package org.hse.api.docs;
