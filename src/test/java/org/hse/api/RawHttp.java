package org.hse.api;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One HTTP/1.1 exchange on a plain socket, for what {@code java.net.http} hides: the status line as
 * the server wrote it, reason phrase included.
 */
public final class RawHttp {

  private RawHttp() {}

  /** The whole answer, status line, headers and body, as the server wrote it. */
  public static String exchange(
      URI base, String method, String path, String token, String contentType, String body) {
    return exchange(base, method, path, token, contentType, body, Map.of());
  }

  /** The same, with more request headers (name to value). */
  public static String exchange(
      URI base,
      String method,
      String path,
      String token,
      String contentType,
      String body,
      Map<String, String> headers) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return exchangeBytes(base, method, path, token, contentType, content, headers);
  }

  /** The same, with a body of bytes as a client's library wrote them. */
  public static String exchangeBytes(
      URI base,
      String method,
      String path,
      String token,
      String contentType,
      byte[] content,
      Map<String, String> headers) {
    StringBuilder request =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(base.getRawPath().replaceAll("/$", ""))
            .append('/')
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(base.getHost())
            .append(':')
            .append(base.getPort())
            .append("\r\nConnection: close\r\nAccept: application/json\r\n");
    if (token != null) {
      request.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of a header of the answer (the first of that name, any case), or null. */
  public static String header(String answer, String name) {
    String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** What follows the headers (the body as sent, chunked or not). */
  public static String body(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    return end < 0 ? "" : answer.substring(end + 4);
  }

  /**
   * The answers of {@code count} copies of one exchange sent at once, each from a thread of its
   * own, as that many clients would; fails when one is not answered within {@code timeout}.
   */
  public static List<String> atOnce(int count, Duration timeout, Callable<String> exchange)
      throws InterruptedException, ExecutionException {
    ExecutorService clients = Executors.newFixedThreadPool(count);
    try {
      List<String> answers = new ArrayList<>();
      for (Future<String> answer :
          clients.invokeAll(
              Collections.nCopies(count, exchange), timeout.toMillis(), MILLISECONDS)) {
        if (answer.isCancelled()) {
          throw new AssertionError("one of " + count + " requests got no answer in " + timeout);
        }
        answers.add(answer.get());
      }
      return answers;
    } finally {
      clients.shutdownNow();
    }
  }

  /** The first line of the answer, e.g. {@code HTTP/1.1 422 Unprocessable Entity}. */
  public static String statusLine(String answer) {
    int end = answer.indexOf("\r\n");
    return end < 0 ? answer : answer.substring(0, end);
  }
}
