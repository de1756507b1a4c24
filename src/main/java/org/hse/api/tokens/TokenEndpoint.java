package org.hse.api.tokens;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The built-in, Keycloak-compatible OpenID Connect token endpoint: {@code POST .../token} with the
 * {@code password} and {@code refresh_token} grants, and {@code GET .../certs} (the JWK set).
 * Answers 404 when switched off, when an external issuer is configured, or for another realm.
 *
 * <p>The client is public, as the realm export's {@code api} client is in Keycloak: it names itself
 * with {@code client_id} in the form, or with HTTP Basic ({@code Authorization: Basic
 * base64(client_id:secret)}, both parts form-urlencoded, RFC 6749 section 2.3.1), which is what
 * Swagger UI's "Authorize" dialog sends by default (docs page, {@code /docs/}). As Keycloak does
 * for a public client, the secret is not checked; a Basic client id and a different {@code
 * client_id} in the form are refused.
 */
@Path("realms/{realm}/protocol/openid-connect")
public class TokenEndpoint {

  private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
  private static final String BASIC = "Basic ";

  @Inject TokenService service;

  /**
   * Seconds for which a verifier may keep the JWK set ({@code Cache-Control: max-age} of {@code
   * certs}): as long as Payara keeps the keys it reads ({@code publicKey.cache.ttl} in {@code
   * payara-mp-jwt.properties}). SmallRye JWT (WildFly), which fetches this answer ({@link
   * ServedKeysLocation}), keeps it for that long instead of its {@code
   * smallrye.jwt.jwks.refresh-interval} (60 minutes), so a new key generation reaches it well
   * before it signs ({@link SharedKeys}). The set holds public keys only, no tenant's data, so the
   * application's {@code no-store} is not needed here.
   */
  static final int KEYS_MAX_AGE = 30;

  @Context HttpServletRequest request;

  @Context HttpServletResponse response;

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      @PathParam("realm") String realm,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      MultivaluedMap<String, String> form) {
    requireServed(realm);
    for (Map.Entry<String, List<String>> param : form.entrySet()) {
      if (param.getValue().size() > 1) {
        return error(400, "invalid_request", "Duplicate parameter: " + param.getKey());
      }
    }
    String grantType = form.getFirst("grant_type");
    if (blank(grantType)) {
      return error(400, "invalid_request", "Missing form parameter: grant_type");
    }
    String formClientId = form.getFirst("client_id");
    String clientId = formClientId;
    if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      Optional<String> basic = basicClientId(authorization.substring(BASIC.length()).strip());
      if (basic.isEmpty() || (!blank(formClientId) && !formClientId.equals(basic.get()))) {
        return error(401, "invalid_client", "Invalid client or Invalid client credentials");
      }
      clientId = basic.get();
    }
    if (blank(clientId)) {
      return error(400, "invalid_request", "Missing parameter: client_id");
    }
    if (!service.settings().clientId().equals(clientId)) {
      return error(401, "invalid_client", "Invalid client or Invalid client credentials");
    }
    try {
      return switch (grantType) {
        case "password" -> password(form.getFirst("username"), form.getFirst("password"));
        case "refresh_token" -> refresh(form.getFirst("refresh_token"));
        default -> error(400, "unsupported_grant_type", "Unsupported grant_type");
      };
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Token endpoint failed: " + e.getMessage(), e);
      return error(500, "server_error", "The token endpoint cannot answer, see the server log");
    }
  }

  @GET
  @Path("certs")
  @Produces(MediaType.APPLICATION_JSON)
  public Response certs(@PathParam("realm") String realm) {
    requireServed(realm);
    // on the servlet response, not the Response: it replaces the filter's no-store, where a JAX-RS
    // header could be added beside it (RESTEasy adds)
    response.setHeader("Cache-Control", "max-age=" + KEYS_MAX_AGE);
    return Response.ok(service.keys().publicJwks().toString()).build();
  }

  private Response password(String username, String password) {
    if (blank(username)) {
      return error(400, "invalid_request", "Missing parameter: username");
    }
    if (password == null || password.isEmpty()) {
      return error(400, "invalid_request", "Missing parameter: password");
    }
    String client =
        service.client(
            request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    Optional<UserAccount> user =
        service.authenticate(username.strip(), password.toCharArray(), client);
    if (user.isEmpty()) {
      return error(401, "invalid_grant", "Invalid user credentials");
    }
    return tokens(user.get());
  }

  private Response refresh(String refreshToken) {
    if (blank(refreshToken)) {
      return error(400, "invalid_request", "Missing parameter: refresh_token");
    }
    return service
        .refresh(refreshToken.strip())
        .map(this::tokens)
        .orElseGet(() -> error(400, "invalid_grant", "Invalid refresh token"));
  }

  private Response tokens(UserAccount user) {
    TokenIssuer.Tokens tokens = service.issuer().issue(user);
    JsonObject body =
        Json.createObjectBuilder()
            .add("access_token", tokens.accessToken())
            .add("expires_in", tokens.expiresIn())
            .add("refresh_expires_in", tokens.refreshExpiresIn())
            .add("refresh_token", tokens.refreshToken())
            .add("token_type", "Bearer")
            .add("not-before-policy", 0)
            .add("scope", "profile")
            .build();
    return noStore(Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE));
  }

  private void requireServed(String realm) {
    if (!service.serves(realm)) {
      throw new NotFoundException("Realm does not exist");
    }
  }

  private static Response error(int status, String error, String description) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("error", error);
    if (description != null) {
      body.add("error_description", description);
    }
    return noStore(
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body.build().toString()));
  }

  private static Response noStore(Response.ResponseBuilder builder) {
    return builder.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
  }

  /**
   * The client id of HTTP Basic credentials ({@code base64(urlencoded id ":" urlencoded secret)}),
   * or empty when they are not Base64 or hold no colon.
   */
  static Optional<String> basicClientId(String credentials) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
