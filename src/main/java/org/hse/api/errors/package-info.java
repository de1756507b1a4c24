/**
 * The contract's error bodies ({@code {"name", "message", "code", "status"}} and the 422 array of
 * failing fields) and the exception that carries those fields. At the bottom of the house, so that
 * the HTTP edge, the caller-side security and the servlet filters all answer errors alike; it
 * depends on nothing of the application.
 */
package org.hse.api.errors;
