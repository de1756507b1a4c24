/**
 * The built-in, Keycloak-compatible token endpoint, which production switches off for an external
 * issuer: the users file with PBKDF2 password hashes, the issuing of RS256 access tokens and HS256
 * refresh tokens, the login throttle, the key generations shared by every instance through the
 * database and rotated, and the configuration source that tells MicroProfile JWT where their public
 * keys are. Of the application it needs only the data source's name ({@link
 * org.hse.api.persistence.DataSourceName}), not the platform that defines it; the caller-side
 * security does not depend on it, since it verifies the tokens of any issuer alike.
 */
package org.hse.api.tokens;
