package org.hse.api.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hse.api.errors.ErrorResponses;
import org.hse.api.metrics.Meters;

/**
 * Wraps the server's MicroProfile JWT authentication mechanism to add what it lacks: Payara's, or
 * on WildFly SmallRye JWT's ({@code JWTHttpAuthenticationMechanism}); both are Jakarta Security
 * mechanisms, and "Payara" below stands for either.
 *
 * <ul>
 *   <li>The token may come in the {@code access-token} query parameter: when the request has no
 *       {@code Authorization} header, Payara's mechanism sees {@code Authorization: Bearer
 *       <token>}. Only the raw query string is read, never a form body. When both are given and
 *       differ, the request is refused.
 *   <li>A token that fails verification answers 401 with {@code WWW-Authenticate: Bearer} and the
 *       API's JSON error body instead of the container's HTML error page; its {@code message} names
 *       the class of failure ({@link TokenRefusal}: expired, not yet valid, issuer, audience,
 *       signature), never the token or the expected values.
 *   <li>Every refusal is counted on {@code /metrics} as {@code api_tokens_refused_total{reason}},
 *       by the same class as the message ({@link TokenRefusal#reason()}: {@code expired}, {@code
 *       not_yet_valid}, {@code issuer}, {@code audience}, {@code signature}, {@code malformed},
 *       {@code missing_claim}, {@code empty}) or {@code ambiguous} for two different tokens in one
 *       request. Such a request never reaches JAX-RS, where the API's other counters are kept
 *       ({@code org.hse.api.platform.ApiMetrics}).
 *   <li>Every refusal is one line at INFO on the logger {@code org.hse.api.security.TokenRefusals}
 *       ({@link #logRefusal}): the reason, the method, the path and the client's address; never the
 *       token. (Payara's {@code SignedJWTIdentityStore} logs its own stack trace of the
 *       verification failure at INFO; the packaged logging configuration silences that logger.)
 *   <li>A token issued, or valid from, later than the clock skew ({@code mp.jwt.verify.clock.skew},
 *       30 s, which Payara applies to {@code exp}) from now is refused, once Payara has verified
 *       it: its {@code iat} and {@code nbf} are read from the token Payara parsed.
 *   <li>On Payara the token is verified here, with {@link KeptKeyVerifier}: Payara's checks on
 *       Payara's settings, but with the keys parsed once and kept, where Payara's own verifier
 *       rebuilds the key on every request (a sixth of an authenticated no-op's CPU). Payara's
 *       mechanism still verifies where its configuration asks for what the kept-key verifier does
 *       not do ({@link KeptKeyVerifier#LEFT_TO_PAYARA}).
 * </ul>
 *
 * A request without any token passes unauthenticated; the resources decide whether that is allowed.
 * The token endpoint ({@code /realms/...}) is never authenticated.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class AccessTokenMechanism implements HttpAuthenticationMechanism {

  static final String PARAMETER = "access-token";
  private static final String AUTHORIZATION = "Authorization";
  private static final String BEARER = "Bearer ";

  /** {@code api_tokens_refused_total{reason}} on {@code /metrics}. */
  static final String REFUSED = "api.tokens.refused";

  /**
   * The logger of refused tokens, one line each ({@link #logRefusal}): an operator may raise it to
   * WARNING to silence them, or route it to a file of its own, apart from the application's log.
   */
  static final Logger REFUSALS = Logger.getLogger("org.hse.api.security.TokenRefusals");

  /** The most of a refused request's body read to finish its exchange: the default body limit. */
  static final int REFUSED_BODY_LIMIT = 1024 * 1024;

  /** The most characters of a request's path that a refusal's log line repeats. */
  static final int LOGGED_PATH = 200;

  /** Where Payara's classes are: its mechanism is the delegate on Payara. */
  private static final String PAYARA_PACKAGE = "fish.payara.";

  /** The reason of a request that names two different tokens. */
  static final String AMBIGUOUS = "ambiguous";

  @Inject BeanManager beanManager;

  @Inject Config config;

  /** Where {@link #REFUSED} is counted, on either server ({@link Meters}). */
  @Inject Meters meters;

  private volatile HttpAuthenticationMechanism delegate;
  private volatile TokenRefusal.Checks checks;

  /** On Payara, the verifier that keeps its keys ({@link KeptKeyVerifier}); else none. */
  private volatile Optional<KeptKeyVerifier> keptKeys;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/realms/")) {
      return context.doNothing();
    }
    Set<String> parameterTokens = queryTokens(request.getQueryString());
    String header = request.getHeader(AUTHORIZATION);
    if (parameterTokens.size() > 1) {
      return refuse(
          request, response, AMBIGUOUS, "The access-token parameter is given more than once.");
    }
    HttpServletRequest effective = request;
    String token = header != null && header.startsWith(BEARER) ? header.substring(7) : null;
    if (!parameterTokens.isEmpty()) {
      String parameterToken = parameterTokens.iterator().next();
      if (header != null && !parameterToken.equals(token)) {
        return refuse(
            request,
            response,
            AMBIGUOUS,
            "The request carries both an Authorization header and a different access-token.");
      }
      token = parameterToken;
      effective = new BearerRequest(request, parameterToken);
    }
    TokenRefusal.Checks checks = checks();
    String bearer = token;
    HttpMessageContext reporting =
        new HttpMessageContextWrapper(context) {
          @Override
          public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
            return notYetValid(result.getCallerPrincipal(), checks)
                ? refuse(request, response, TokenRefusal.NOT_YET_VALID)
                : super.notifyContainerAboutLogin(result);
          }

          /** How SmallRye JWT (WildFly) reports a verified token; Payara reports a result. */
          @Override
          public AuthenticationStatus notifyContainerAboutLogin(
              Principal principal, Set<String> groups) {
            return notYetValid(principal, checks)
                ? refuse(request, response, TokenRefusal.NOT_YET_VALID)
                : super.notifyContainerAboutLogin(principal, groups);
          }

          @Override
          public AuthenticationStatus responseUnauthorized() {
            return refuse(request, response, TokenRefusal.of(bearer, checks, Instant.now()));
          }

          /**
           * SmallRye JWT (WildFly) answers a token whose key it cannot resolve (another issuer's
           * {@code kid}) with {@code sendError(500)} instead of a 401: that is a refusal too.
           */
          @Override
          public HttpServletResponse getResponse() {
            return new HttpServletResponseWrapper(response) {
              @Override
              public void sendError(int status) {
                sendError(status, null);
              }

              @Override
              public void sendError(int status, String message) {
                refuse(request, response, TokenRefusal.of(bearer, checks, Instant.now()));
              }
            };
          }
        };
    Optional<KeptKeyVerifier> verifier = keptKeys();
    if (verifier.isEmpty()) {
      return delegate().validateRequest(effective, response, reporting);
    }
    if (token == null || token.isEmpty()) {
      return context.doNothing();
    }
    Optional<VerifiedToken> verified = verifier.get().verify(token);
    if (verified.isEmpty()) {
      return reporting.responseUnauthorized();
    }
    context.getClientSubject().getPrincipals().add(verified.get());
    return reporting.notifyContainerAboutLogin(
        new CredentialValidationResult(verified.get(), verified.get().getGroups()));
  }

  /**
   * Whether this mechanism verifies tokens itself: on Payara, where Payara's own verifier rebuilds
   * the key on every request ({@link KeptKeyVerifier}), unless its configuration asks for what only
   * Payara's does. On WildFly SmallRye JWT keeps its keys, and verifies.
   */
  private Optional<KeptKeyVerifier> keptKeys() {
    Optional<KeptKeyVerifier> found = keptKeys;
    if (found == null) {
      boolean payara =
          delegate().getClass().getName().startsWith(PAYARA_PACKAGE)
              || beanManager.getBeans(HttpAuthenticationMechanism.class).stream()
                  .anyMatch(bean -> bean.getBeanClass().getName().startsWith(PAYARA_PACKAGE));
      found = payara ? KeptKeyVerifier.of(config) : Optional.empty();
      keptKeys = found;
    }
    return found;
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return delegate().secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    delegate().cleanSubject(request, response, context);
  }

  /** What Payara checks tokens against, read once. */
  private TokenRefusal.Checks checks() {
    TokenRefusal.Checks found = checks;
    if (found == null) {
      found = TokenRefusal.Checks.from(config);
      checks = found;
    }
    return found;
  }

  /** The server's own mechanism: the other {@code HttpAuthenticationMechanism} bean. */
  private HttpAuthenticationMechanism delegate() {
    HttpAuthenticationMechanism found = delegate;
    if (found == null) {
      for (Bean<?> bean : beanManager.getBeans(HttpAuthenticationMechanism.class)) {
        if (!AccessTokenMechanism.class.equals(bean.getBeanClass())) {
          found =
              (HttpAuthenticationMechanism)
                  beanManager.getReference(
                      bean,
                      HttpAuthenticationMechanism.class,
                      beanManager.createCreationalContext(bean));
          break;
        }
      }
      if (found == null) {
        throw new IllegalStateException(
            "No MP-JWT authentication mechanism: is @LoginConfig(authMethod = \"MP-JWT\") on an"
                + " @ApplicationScoped Application class?");
      }
      delegate = found;
    }
    return found;
  }

  /** Whether a verified token was issued, or becomes valid, later than the clock skew from now. */
  private static boolean notYetValid(Principal principal, TokenRefusal.Checks checks) {
    return principal instanceof JsonWebToken jwt
        && TokenRefusal.notYetValid(
            secondsClaim(jwt, Claims.iat), secondsClaim(jwt, Claims.nbf), checks, Instant.now());
  }

  /**
   * A time claim of a token Payara has verified, read from what it parsed already: parsing the
   * token once more for it cost a tenth of a view's CPU (JFR).
   */
  private static Instant secondsClaim(JsonWebToken jwt, Claims claim) {
    Object value = jwt.getClaim(claim.name());
    if (value instanceof JsonNumber number) {
      return Instant.ofEpochSecond(number.longValue());
    }
    return value instanceof Number number ? Instant.ofEpochSecond(number.longValue()) : null;
  }

  /** The distinct values of the access-token parameter in a raw query string. */
  static Set<String> queryTokens(String query) {
    if (query == null || query.isEmpty()) {
      return Set.of();
    }
    Set<String> tokens = new LinkedHashSet<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (PARAMETER.equals(name)) {
        tokens.add(eq < 0 ? "" : decode(pair.substring(eq + 1)).strip());
      }
    }
    return tokens;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private AuthenticationStatus refuse(
      HttpServletRequest request, HttpServletResponse response, TokenRefusal refusal) {
    return refuse(request, response, refusal.reason(), refusal.message());
  }

  /**
   * Counts the refusal by its class ({@code reason}, never the token), logs it in one line and
   * answers 401.
   */
  private AuthenticationStatus refuse(
      HttpServletRequest request, HttpServletResponse response, String reason, String message) {
    meters
        .counter(REFUSED, "Requests refused for their token", new Meters.Tag("reason", reason))
        .increment();
    logRefusal(request, reason);
    return unauthorized(request, response, message);
  }

  /**
   * One line at INFO on {@link #REFUSALS}: {@code Token refused: reason=expired method=POST
   * path=/v2/project/index client=192.0.2.7}. The reason is the metric's tag; the path is the
   * request URI as sent, without the query string (where a token may be), cut at {@link
   * #LOGGED_PATH} characters; the client is the address of the connection (a proxy's, behind one).
   * Never the token, nor anything read from it: the reason is a class, not a claim.
   */
  static void logRefusal(HttpServletRequest request, String reason) {
    if (!REFUSALS.isLoggable(Level.INFO)) {
      return;
    }
    String path = String.valueOf(request.getRequestURI());
    if (path.length() > LOGGED_PATH) {
      path = path.substring(0, LOGGED_PATH) + "...";
    }
    REFUSALS.info(
        "Token refused: reason="
            + reason
            + " method="
            + request.getMethod()
            + " path="
            + path
            + " client="
            + request.getRemoteAddr());
  }

  /**
   * Answers 401 and finishes the exchange: the request's body read to its end, the response closed.
   * WildFly's Undertow calls {@code sendError} after a failed authentication whose exchange is not
   * finished, which on the committed 401 failed and logged {@code UT005023} with a stack trace for
   * every refused token; Payara sends nothing more after a committed response. An anonymous body is
   * read up to {@value #REFUSED_BODY_LIMIT} bytes only: a stranger's gigabyte is not read to its
   * end, its connection is closed instead.
   */
  private static AuthenticationStatus unauthorized(
      HttpServletRequest request, HttpServletResponse response, String message) {
    if (!response.isCommitted()) {
      response.setHeader("WWW-Authenticate", "Bearer");
      ErrorResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, message);
      try {
        drain(request.getInputStream());
      } catch (IOException | IllegalStateException unread) {
        REFUSALS.log(Level.FINE, "The refused request's body was not read to its end", unread);
      }
      try {
        response.getWriter().close();
      } catch (IOException | IllegalStateException unclosed) {
        REFUSALS.log(Level.FINE, "The 401 was not closed", unclosed);
      }
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    int left = REFUSED_BODY_LIMIT;
    for (int read;
        left > 0 && (read = body.read(buffer, 0, Math.min(buffer.length, left))) >= 0; ) {
      left -= read;
    }
  }

  /** The request as Payara's mechanism should see it: with the token as a bearer header. */
  private static final class BearerRequest extends HttpServletRequestWrapper {
    private final String authorization;

    BearerRequest(HttpServletRequest request, String token) {
      super(request);
      this.authorization = BEARER + token;
    }

    @Override
    public String getHeader(String name) {
      return AUTHORIZATION.equalsIgnoreCase(name) ? authorization : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return AUTHORIZATION.equalsIgnoreCase(name)
          ? Collections.enumeration(Set.of(authorization))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
      names.add(AUTHORIZATION);
      return Collections.enumeration(names);
    }
  }
}
