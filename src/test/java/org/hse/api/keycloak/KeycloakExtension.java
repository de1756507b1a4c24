package org.hse.api.keycloak;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link KeycloakServer} around a test class: launched before the class, before its
 * {@code @BeforeAll} methods (so that the class can start the service side by side with it),
 * stopped after it whatever the outcome, also when a test or the service's start failed.
 *
 * <p>Tests reach the server through {@link #server()}, after waiting for it once with {@link
 * KeycloakServer#awaitReady()}.
 */
public final class KeycloakExtension implements BeforeAllCallback, AfterAllCallback {

  private static volatile KeycloakServer current;

  /** The Keycloak of the running test class. */
  public static KeycloakServer server() {
    KeycloakServer server = current;
    if (server == null) {
      throw new IllegalStateException("No Keycloak: is the class @ExtendWith(KeycloakExtension)?");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    KeycloakServer server = KeycloakServer.fromBuild();
    current = server;
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    KeycloakServer server = current;
    current = null;
    if (server != null) {
      server.close();
    }
  }
}
