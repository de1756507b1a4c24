package org.hse.api.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hse.api.errors.FieldError;
import org.hse.api.errors.ValidationFailedException;
import org.hse.api.model.Values;

/**
 * Reads a request body, JSON, form-encoded or multipart, into a JSON object, refusing bodies over
 * the size limit (413), bodies that are not JSON (400) and JSON that is not an object (400). An
 * empty body reads as an empty object, and so does {@code []} as a search body.
 */
@ApplicationScoped
public class RequestBodies {

  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "api.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  public JsonObject read(InputStream body, MediaType type) {
    return read(body, type, false);
  }

  /**
   * Reads a search body, where an empty JSON array means the same as an empty object: PHP clients
   * encode an empty parameter list as {@code []}.
   */
  public JsonObject readSearch(InputStream body, MediaType type) {
    return read(body, type, true);
  }

  private JsonObject read(InputStream body, MediaType type, boolean emptyArrayIsObject) {
    byte[] bytes = limited(body);
    if (bytes.length == 0) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return form(new String(bytes, StandardCharsets.UTF_8));
    }
    if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return multipart(bytes, type);
    }
    return json(bytes, emptyArrayIsObject);
  }

  private byte[] limited(InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        drain(body);
        throw new ClientErrorException(
            "The request body is larger than " + maxBodyBytes + " bytes.",
            Status.REQUEST_ENTITY_TOO_LARGE);
      }
      return bytes;
    } catch (IOException e) {
      throw new BadRequestException("The request body could not be read.", e);
    }
  }

  /**
   * Reads and drops the rest of a refused body, up to {@value #DRAIN_LIMIT} bytes, so that a client
   * still sending it can read the 413 instead of seeing the connection cut.
   */
  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long drained = 0;
    for (int read; drained < DRAIN_LIMIT && (read = body.read(buffer)) >= 0; ) {
      drained += read;
    }
  }

  private static JsonObject json(byte[] bytes, boolean emptyArrayIsObject) {
    try (JsonParser parser = Values.JSON.createParser(new ByteArrayInputStream(bytes))) {
      if (!parser.hasNext()) {
        throw new BadRequestException("The request body is not valid JSON.");
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw new BadRequestException(
            "The request body is not valid JSON: it goes on after the value.");
      }
      if (emptyArrayIsObject
          && value.getValueType() == JsonValue.ValueType.ARRAY
          && value.asJsonArray().isEmpty()) {
        return JsonValue.EMPTY_JSON_OBJECT;
      }
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BadRequestException("The request body must be a JSON object.");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new BadRequestException("The request body is not valid JSON.", e);
    }
  }

  private static JsonObject form(String text) {
    JsonObjectBuilder object = Values.JSON.createObjectBuilder();
    try {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        addText(object, name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("The form-encoded request body is malformed.", e);
    }
    return object.build();
  }

  /**
   * A {@code multipart/form-data} body, as the hosted API's PHP client sends it: each part one
   * field's text, in the part's charset (UTF-8 when it names none), an empty text as null like an
   * empty form value. A part carrying a file ({@code filename}) and a field given twice are 422s on
   * that field, every such field at once.
   *
   * <p>The parts are read by Jakarta Mail's MIME parser, which both servers ship, from the bytes
   * already held under the body limit: JAX-RS's own {@code EntityPart} would read the whole body,
   * to disk if large, before the limit could apply, and Jersey and RESTEasy word their errors
   * differently.
   */
  private static JsonObject multipart(byte[] bytes, MediaType type) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    try {
      MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(bytes, type.toString()));
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        String name = partName(part);
        if (fields.containsKey(name) || refused.containsKey(name)) {
          refused.put(name, "is given more than once");
        } else if (part.getFileName() != null) {
          refused.put(name, "is a file; only text fields are taken");
        } else {
          fields.put(name, partText(part, name, refused));
        }
      }
    } catch (MessagingException | IOException e) {
      throw new BadRequestException("The multipart request body is malformed.", e);
    }
    if (!refused.isEmpty()) {
      throw new ValidationFailedException(
          refused.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList());
    }
    JsonObjectBuilder object = Values.JSON.createObjectBuilder();
    fields.forEach((name, value) -> addText(object, name, value));
    return object.build();
  }

  private static String partName(BodyPart part) throws MessagingException {
    String[] disposition = part.getHeader("Content-Disposition");
    String name =
        disposition == null ? null : new ContentDisposition(disposition[0]).getParameter("name");
    if (name == null || name.isEmpty()) {
      throw new BadRequestException("A part of the multipart request body has no field name.");
    }
    return name;
  }

  /** The part's text, or null (with the field in {@code refused}) when its charset is unknown. */
  private static String partText(BodyPart part, String name, Map<String, String> refused)
      throws MessagingException, IOException {
    String[] contentType = part.getHeader("Content-Type");
    String charset =
        contentType == null ? null : new ContentType(contentType[0]).getParameter("charset");
    try (InputStream text = part.getInputStream()) {
      return new String(
          text.readAllBytes(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
    } catch (IllegalArgumentException e) {
      refused.put(name, "names a charset this service does not know: " + charset);
      return null;
    }
  }

  /** A form field's or a part's text: an empty one (or none) is null, as the contract reads it. */
  private static void addText(JsonObjectBuilder object, String name, String value) {
    if (value == null || value.isEmpty()) {
      object.addNull(name);
    } else {
      object.add(name, value);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
