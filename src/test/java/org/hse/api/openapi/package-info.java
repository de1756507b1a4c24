/** Build tooling around the OpenAPI document: the document file the client generator reads. */
package org.hse.api.openapi;
