/**
 * The caller side of security, whoever issued the token: the authentication mechanism that accepts
 * the {@code access-token} query parameter and answers a refused token with 401 as JSON (on Payara
 * it verifies the token itself, with the keys it keeps: {@link
 * org.hse.api.security.KeptKeyVerifier}), the class of a refusal, and the {@link
 * org.hse.api.security.Caller} of a request (user name, roles, tenants). It depends on the error
 * body only; the token endpoint lives apart in {@code tokens}.
 */
package org.hse.api.security;
