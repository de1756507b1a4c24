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
 * <p>Why the application checks it: both servers' listeners read a request line and headers of up
 * to 1 MB (Payara: {@code header-buffer-length-bytes} in {@code
 * server-config/payara/pre-boot-commands.asadmin}; WildFly's Undertow: {@code max-header-size}),
 * and would hand a 20,000-character filter to the search. A smaller listener limit is no way out:
 * beyond its limit a listener answers on its own, 400 with an empty body and without the contract's
 * body, or, Undertow at 8 KB, drops the connection unanswered ({@code HostileIT}'s 300 KB token).
 */
@WebFilter(filterName = "url-length", urlPatterns = "/*", asyncSupported = true)
public class UrlLength extends HttpFilter {

  /** The longest path and query taken, in characters: what Payara's listener took by default. */
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
