package org.hse.api.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hse.api.openapi.OpenApiDocument;

/**
 * The headers of every answer of the application: {@code Date} (RFC 9110: an origin server with a
 * clock sends one; Payara's Grizzly sends none), {@code X-Content-Type-Options: nosniff} (a browser
 * never reads a JSON answer as HTML or script), {@code Cache-Control: no-store} (answers carry
 * tenants' data and are never kept by a cache or a browser), and a Content Security Policy.
 *
 * <p>The policy of the API's answers allows nothing ({@code default-src 'none'}): JSON needs no
 * script, style or frame. The docs page under {@code /docs/} ({@code org.hse.api.docs}) gets {@link
 * #docsPolicy} instead, which lets Swagger UI run: its scripts, styles, images and fonts from here,
 * inline styles and {@code data:} images (Swagger UI 5.34 sets the one and uses the other for its
 * icons), and fetching {@code /openapi} from here; no inline script (the page's start script is a
 * file of its own), no {@code eval}, no framing. Swagger UI needs no more: {@code DocsPageIT}
 * checks that Chromium refuses nothing on the page. The "Authorize" dialog posts to the OpenAPI
 * document's token URL, and "Try it out" calls the document's server: when either is an absolute
 * URL of another origin (an external issuer such as Keycloak, {@code api.public-url}), that origin
 * is added to {@code connect-src}, so that the page works there too (Keycloak then has to allow the
 * page's origin in the client's web origins, for CORS). The 401 of a refused token sets its own
 * headers ({@code org.hse.api.errors.ErrorResponses#write}), as it is answered before any filter
 * runs.
 */
@WebFilter(filterName = "response-headers", urlPatterns = "/*", asyncSupported = true)
public class ResponseHeaders extends HttpFilter {

  /** The Content Security Policy of the API's answers. */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /**
   * The Content Security Policy of the pages under {@code /docs/} when the token URL and the API's
   * server are on this origin (the built-in token endpoint, no {@code api.public-url}).
   */
  public static final String DOCS_POLICY = docsPolicy(Set.of());

  private String docsPolicy = DOCS_POLICY;

  /**
   * The policy of the docs page, allowing it to connect to these origins besides its own.
   *
   * @param origins {@code scheme://host[:port]} of each
   */
  public static String docsPolicy(Set<String> origins) {
    String connect = String.join(" ", new TreeSet<>(origins));
    return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        + " img-src 'self' data:; font-src 'self'; connect-src 'self'"
        + (connect.isEmpty() ? "" : " " + connect)
        + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  /** Reads where the OpenAPI document sends the page's requests (the configuration of the WAR). */
  @Override
  public void init() {
    docsPolicy =
        docsPolicy(
            otherOrigins(
                OpenApiDocument.Settings.from(
                    ConfigProvider.getConfig(ResponseHeaders.class.getClassLoader()))));
  }

  /**
   * The origins of the document's server and token URL that are absolute URLs, that is on another
   * origin than the page's; a relative URL (the default) is the page's own.
   */
  static Set<String> otherOrigins(OpenApiDocument.Settings settings) {
    Set<String> origins = new TreeSet<>();
    for (String url : List.of(settings.serverUrl(), settings.tokenUrl())) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        // not a URL the page could call either; the policy stays as strict as without it
        continue;
      }
      if (uri.getScheme() != null && uri.getHost() != null) {
        origins.add(
            uri.getScheme()
                + "://"
                + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
      }
    }
    return origins;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean docs = path.equals("/docs") || path.startsWith("/docs/");
    response.setDateHeader("Date", System.currentTimeMillis());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", docs ? docsPolicy : API_POLICY);
    chain.doFilter(request, response);
  }
}
