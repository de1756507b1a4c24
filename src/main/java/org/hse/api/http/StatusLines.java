package org.hse.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Logger;
import org.hse.api.errors.ErrorResponses;

/**
 * Gives the status line of a 422 its reason phrase, {@code 422 Unprocessable Entity}.
 *
 * <p>Why this is needed: Servlet 6 has no way to set a reason phrase ({@code setStatus(int,
 * String)} was removed), Jersey therefore calls {@code setStatus(int)} only, whatever reason phrase
 * the JAX-RS response carries, and Grizzly, under Payara Micro, writes the reason phrases of its
 * own table, which lacks 422: the status line read {@code HTTP/1.1 422 CUSTOM}. Grizzly's response
 * keeps a reason phrase that was set before the status, so this filter hands the application a
 * response whose {@code setStatus} first sets it on the container's own response: Payara's servlet
 * response ({@code org.apache.catalina.connector.ResponseFacade}) holds the Catalina response,
 * whose {@code getCoyoteResponse()} is Grizzly's, with {@code setStatus(int, String)}. Those
 * classes are not visible to the application, hence reflection; on a container built otherwise the
 * filter does nothing but log once, and the status code stays right.
 */
@WebFilter(filterName = "StatusLines", urlPatterns = "/*", asyncSupported = true)
public class StatusLines extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(StatusLines.class.getName());

  private static final Map<Integer, String> REASONS =
      Map.of(ErrorResponses.UNPROCESSABLE, "Unprocessable Entity");

  private static volatile boolean unsupported;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new Reasoned(response));
  }

  /** The response whose known status codes get their reason phrase. */
  private static final class Reasoned extends HttpServletResponseWrapper {

    Reasoned(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(status);
      String reason = REASONS.get(status);
      if (reason != null && !unsupported && !isCommitted()) {
        setReason(getResponse(), status, reason);
      }
    }
  }

  private static void setReason(ServletResponse response, int status, String reason) {
    try {
      Object grizzly = grizzlyResponse(unwrap(response));
      grizzly
          .getClass()
          .getMethod("setStatus", int.class, String.class)
          .invoke(grizzly, status, reason);
    } catch (ReflectiveOperationException | RuntimeException e) {
      unsupported = true;
      LOG.info(
          () ->
              "This container's response does not take a reason phrase; status lines keep its"
                  + " own ("
                  + e
                  + ").");
    }
  }

  private static ServletResponse unwrap(ServletResponse response) {
    ServletResponse inner = response;
    while (inner instanceof ServletResponseWrapper wrapper) {
      inner = wrapper.getResponse();
    }
    return inner;
  }

  private static Object grizzlyResponse(ServletResponse facade)
      throws ReflectiveOperationException {
    Object catalina = field(facade.getClass(), "response").get(facade);
    Method coyote = catalina.getClass().getMethod("getCoyoteResponse");
    return coyote.invoke(catalina);
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }
}
