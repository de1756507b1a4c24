package org.hse.api.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hse.api.errors.ErrorResponses;

/**
 * Refuses a URL longer than {@value #MAX_LENGTH} characters (path and query) with {@code 414} and
 * the contract's error body, before anything reads its parameters.
 *
 * <p>Why the application checks it: Payara's HTTP listener already refuses a request line of that
 * size (its request header buffer holds 8 KB), so there the filter never sees one; WildFly's
 * Undertow takes request lines and headers up to 1 MB ({@code max-header-size}), and would hand a
 * 20,000-character filter to the search. A smaller {@code max-header-size} is no way out: Undertow
 * then closes the connection without an answer (a 300 KB bearer token, {@code HostileIT}).
 */
@WebFilter(filterName = "url-length", urlPatterns = "/*", asyncSupported = true)
public class UrlLength extends HttpFilter {

  /** The longest path and query taken, in characters: Payara's request header buffer. */
  public static final int MAX_LENGTH = 8192;

  static final int URI_TOO_LONG = 414;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    int length = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (length > MAX_LENGTH) {
      ErrorResponses.write(
          response, URI_TOO_LONG, "The URL is longer than " + MAX_LENGTH + " characters.");
      return;
    }
    chain.doFilter(request, response);
  }
}
