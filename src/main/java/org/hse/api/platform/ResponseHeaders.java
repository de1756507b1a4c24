package org.hse.api.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers of every answer of the application: {@code X-Content-Type-Options: nosniff} (a
 * browser never reads a JSON answer as HTML or script), {@code Cache-Control: no-store} (answers
 * carry tenants' data and are never kept by a cache or a browser), and a Content Security Policy.
 *
 * <p>The policy of the API's answers allows nothing ({@code default-src 'none'}): JSON needs no
 * script, style or frame. A documentation page under {@code /docs/} gets {@link #DOCS_POLICY}
 * instead, which lets a Swagger UI served from this origin run: its scripts, styles and images from
 * here, inline styles (Swagger UI sets them), {@code data:} images, and fetching {@code /openapi}
 * from here; no inline script (the page's start script must be a file of its own), no other origin,
 * no framing. The 401 of a refused token sets its own headers ({@code
 * org.hse.api.v2.ErrorResponses#write}), as it is answered before any filter runs.
 */
@WebFilter(filterName = "response-headers", urlPatterns = "/*", asyncSupported = true)
public class ResponseHeaders extends HttpFilter {

  /** The Content Security Policy of the API's answers. */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** The Content Security Policy of the pages under {@code /docs/}. */
  public static final String DOCS_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean docs = path.equals("/docs") || path.startsWith("/docs/");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
    chain.doFilter(request, response);
  }
}
