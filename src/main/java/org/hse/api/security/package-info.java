/**
 * Authentication and authorization: the built-in, Keycloak-compatible token endpoint (users file,
 * PBKDF2 password hashes, RS256 access tokens and HS256 refresh tokens), its keys and login
 * throttle shared by every instance through the database (key generations that rotate), the
 * configuration source that tells MicroProfile JWT where their public keys are, the authentication
 * mechanism that accepts the {@code access-token} query parameter and answers 401 as JSON, and the
 * {@link org.hse.api.security.Caller} of a request.
 */
package org.hse.api.security;
