package org.hse.api.platform;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.NotAuthorizedException;
import java.io.IOException;
import org.hse.api.errors.ErrorResponses;
import org.hse.api.security.Caller;

/**
 * {@code /metrics} answers the {@code admin} role only: anyone else gets 401 (no token) or 403.
 *
 * <p>Payara Micro adds its MicroProfile Metrics servlet to the application at the root context, so
 * the application's authentication (MicroProfile JWT, also with {@code access-token}) has run when
 * this filter sees the request. Payara's own switch ({@code set-metrics-configuration
 * --securityenabled}) would demand HTTPS and a user of Payara's file realm, not the API's tokens.
 * {@code /health} stays open for orchestrators.
 */
@WebFilter(
    filterName = "metrics-access",
    urlPatterns = {"/metrics", "/metrics/*"},
    asyncSupported = true)
public class MetricsAccess extends HttpFilter {

  @Inject Instance<Caller> caller;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Caller who;
    try {
      who = caller.get();
    } catch (NotAuthorizedException anonymous) {
      response.setHeader("WWW-Authenticate", "Bearer");
      ErrorResponses.write(
          response, HttpServletResponse.SC_UNAUTHORIZED, "The metrics need an admin's token.");
      return;
    }
    if (!who.isAdmin()) {
      ErrorResponses.write(
          response, HttpServletResponse.SC_FORBIDDEN, "The metrics are for the admin role only.");
      return;
    }
    chain.doFilter(request, response);
  }
}
