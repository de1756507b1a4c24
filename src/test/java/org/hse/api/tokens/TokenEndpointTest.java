package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

  /** RFC 6749 2.3.1: both parts form-urlencoded, then joined by a colon and Base64-encoded. */
  @Test
  void theClientIdOfHttpBasicCredentials() {
    assertEquals(Optional.of("api"), TokenEndpoint.basicClientId(base64("api:")));
    assertEquals(Optional.of("api"), TokenEndpoint.basicClientId(base64("api:s3cr:et")));
    assertEquals(Optional.of("my client"), TokenEndpoint.basicClientId(base64("my+client:")));
    assertEquals(Optional.of("a:b"), TokenEndpoint.basicClientId(base64("a%3Ab:x")));
    assertEquals(Optional.of(""), TokenEndpoint.basicClientId(base64(":")));
    assertEquals(Optional.empty(), TokenEndpoint.basicClientId(base64("api")));
    assertEquals(Optional.empty(), TokenEndpoint.basicClientId("!!!"));
    assertEquals(Optional.empty(), TokenEndpoint.basicClientId(base64("%zz:")));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
