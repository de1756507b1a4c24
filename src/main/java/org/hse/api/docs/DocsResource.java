package org.hse.api.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hse.api.tokens.AuthSettings;

/**
 * Serves the docs page: {@code GET /docs} redirects to {@code /docs/}, which answers Swagger UI's
 * own {@code index.html}, so that the relative URLs of its styles and scripts resolve under {@code
 * /docs/}; {@code /docs/<file>} answers that file of the {@code org.webjars:swagger-ui} jar ({@code
 * META-INF/resources/webjars/swagger-ui/<version>/}), except {@code swagger-initializer.js}, the
 * page's start script, which is ours.
 *
 * <p>Why a JAX-RS resource and not the servlet container's static files: the JAX-RS application is
 * mapped to {@code /*} ({@code @ApplicationPath("/")}, for the hosted API's paths), so the
 * container's default servlet never sees a request; mapping it to {@code /docs/*} beside Jersey
 * would make it look the files up without the {@code /docs} prefix and under the webjar's versioned
 * directory, neither of which the page's URLs name. The files are still found the container's way:
 * {@link ServletContext#getResource} searches the {@code META-INF/resources} of the jars in {@code
 * WEB-INF/lib}, and {@link ServletContext#getMimeType} gives the content type from the container's
 * MIME mappings (with {@code nosniff}, a browser runs a script or applies a style sheet only under
 * its right type).
 *
 * <p>The start script is a file, not an inline script, because the page's Content Security Policy
 * ({@code org.hse.api.platform.ResponseHeaders}) allows this origin's script files only. It starts
 * Swagger UI on {@code /openapi} (where Payara serves the document, at the server root) with the
 * client id of {@code auth.client-id} for the "Authorize" dialog's password flow, whose token URL
 * is the document's; the settings come first in the script, as a JSON object.
 */
@Path("docs")
@ApplicationScoped
public class DocsResource {

  static final String WEBJAR = "swagger-ui";
  static final String START_SCRIPT = "swagger-initializer.js";

  /** The version of the webjar in the WAR, from the jar's own Maven metadata. */
  private final String version = webjarVersion();

  /** The start script: its settings, then {@code swagger-initializer.js} of this package. */
  private final String startScript = startScript();

  @Context ServletContext servletContext;

  /**
   * {@code /docs/}: Swagger UI's page; {@code /docs} redirects there, since the page's relative
   * URLs ({@code ./swagger-ui.css}, ...) resolve under {@code /docs/} only.
   */
  @GET
  public Response page(@Context UriInfo uri) {
    if (!uri.getRequestUri().getRawPath().endsWith("/")) {
      return Response.status(Response.Status.MOVED_PERMANENTLY)
          .location(uri.getBaseUriBuilder().path("docs/").build())
          .build();
    }
    return file("index.html");
  }

  /** The start script, with the settings of this configuration. */
  @GET
  @Path(START_SCRIPT)
  public Response start() {
    return Response.ok(startScript, type(START_SCRIPT)).build();
  }

  /** A file of the webjar; 404 for any other name. */
  @GET
  @Path("{file: [A-Za-z0-9][A-Za-z0-9._-]*}")
  public Response file(@PathParam("file") String file) {
    URL resource;
    try {
      resource = servletContext.getResource("/webjars/" + WEBJAR + "/" + version + "/" + file);
    } catch (MalformedURLException e) {
      resource = null;
    }
    if (resource == null) {
      throw new NotFoundException("The docs page has no file " + file + ".");
    }
    try {
      InputStream body = resource.openStream();
      return Response.ok(body, type(file)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The container's type for this file name; the webjar's text files (HTML, scripts, styles) are
   * UTF-8. {@code application/octet-stream} when the container knows none.
   */
  private String type(String file) {
    String type = servletContext.getMimeType(file);
    if (type == null) {
      return "application/octet-stream";
    }
    return type.startsWith("text/") || type.endsWith("javascript") ? type + ";charset=UTF-8" : type;
  }

  private static String webjarVersion() {
    String metadata = "META-INF/maven/org.webjars/" + WEBJAR + "/pom.properties";
    try (InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(metadata)) {
      if (in == null) {
        throw new IllegalStateException(metadata + " is missing: the WAR lacks the webjar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String startScript() {
    AuthSettings auth =
        AuthSettings.from(ConfigProvider.getConfig(DocsResource.class.getClassLoader()));
    String settings =
        Json.createObjectBuilder()
            .add("document", "/openapi")
            .add("clientId", auth.clientId())
            .build()
            .toString();
    try (InputStream in = DocsResource.class.getResourceAsStream(START_SCRIPT)) {
      return "const docsSettings = "
          + settings
          + ";\n"
          + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
