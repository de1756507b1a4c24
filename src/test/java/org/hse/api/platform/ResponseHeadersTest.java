package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.hse.api.openapi.OpenApiDocument;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

  @Test
  void theDocsPageConnectsToItsOwnOriginAloneByDefault() {
    assertEquals(
        Set.of(), ResponseHeaders.otherOrigins(OpenApiDocument.Settings.of("hse", null, null)));
    assertEquals(
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'",
        ResponseHeaders.DOCS_POLICY);
  }

  /** Keycloak's token URL and the public URL of the API, where the page's requests then go. */
  @Test
  void theDocsPageMayConnectToTheExternalIssuerAndThePublicUrl() {
    Set<String> origins =
        ResponseHeaders.otherOrigins(
            OpenApiDocument.Settings.of(
                "hse", "https://hse.example.com/api/", "http://127.0.0.1:8180/realms/hse"));
    assertEquals(Set.of("http://127.0.0.1:8180", "https://hse.example.com"), origins);
    assertEquals(
        Set.of(),
        ResponseHeaders.otherOrigins(OpenApiDocument.Settings.of("hse", "not a url", null)),
        "a malformed URL adds nothing");
    assertEquals(
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self';"
            + " connect-src 'self' http://127.0.0.1:8180 https://hse.example.com; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'",
        ResponseHeaders.docsPolicy(origins));
  }
}
