package org.hse.api.errors;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The two error bodies of the contract: {@code {"name", "message", "code", "status"}} for every
 * error, and the array of failing fields for 422.
 */
public final class ErrorResponses {

  public static final int UNPROCESSABLE = 422;

  /** Looked up once, as {@code Json.createObjectBuilder} would look it up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Map<Integer, String> DEFAULT_MESSAGES =
      Map.ofEntries(
          Map.entry(400, "The request is malformed."),
          Map.entry(401, "A valid bearer token is required."),
          Map.entry(403, "You are not allowed to do this."),
          Map.entry(404, "No such resource."),
          Map.entry(405, "This method is not allowed on this path."),
          Map.entry(406, "This service answers application/json only."),
          Map.entry(409, "The request conflicts with the stored item."),
          Map.entry(412, "The item has changed since the version given in If-Match."),
          Map.entry(413, "The request body is too large."),
          Map.entry(
              415,
              "The request body must be application/json, application/x-www-form-urlencoded or"
                  + " multipart/form-data."),
          Map.entry(500, "The server could not complete the request."),
          Map.entry(503, "The database is out of reach for a moment; retry the request."));

  private ErrorResponses() {}

  /**
   * An error answer of this status, keeping the headers the exception set (Allow,
   * WWW-Authenticate).
   */
  public static Response error(Response original, String message) {
    int status = original.getStatus();
    ResponseBuilder response = Response.status(status);
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
              }
            });
    return response.type(MediaType.APPLICATION_JSON_TYPE).entity(body(status, message)).build();
  }

  public static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(status, message))
        .build();
  }

  public static Response unprocessable(List<FieldError> errors) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    errors.forEach(
        e ->
            array.add(
                JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
    return Response.status(UNPROCESSABLE, "Unprocessable Entity")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(array.build().toString())
        .build();
  }

  /**
   * The message for the client: the exception's own sentence, or the status's default one when it
   * has none or only the JAX-RS implementation's: Jersey's {@code HTTP 404 Not Found}, RESTEasy's
   * {@code RESTEASY003210: Could not find resource for full path: <the whole URL>} (WildFly), which
   * names the implementation and echoes up to 8 KB of the client's URL.
   */
  public static String message(int status, String own) {
    if (own == null
        || own.isBlank()
        || own.startsWith("HTTP " + status)
        || own.startsWith("RESTEASY")) {
      return DEFAULT_MESSAGES.getOrDefault(status, "The request failed.");
    }
    return own;
  }

  public static String body(int status, String message) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String name = known != null ? known.getReasonPhrase() : "Error";
    return JSON.createObjectBuilder()
        .add("name", name)
        .add("message", message(status, message))
        .add("code", 0)
        .add("status", status)
        .build()
        .toString();
  }

  /**
   * Answers a servlet request, outside JAX-RS (an authentication mechanism, a servlet filter), with
   * the same error body and the headers of every answer; does nothing once the response is
   * committed.
   */
  public static void write(HttpServletResponse response, int status, String message) {
    try {
      if (!response.isCommitted()) {
        response.resetBuffer();
        response.setStatus(status);
        response.setDateHeader("Date", System.currentTimeMillis());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, message));
        response.flushBuffer();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
