package org.hse.api;

import org.opentest4j.TestAbortedException;

/**
 * What a test does when a tool it needs from outside Maven is not on the machine (a JDK 21+ for
 * Keycloak, the Debian package of Chromium): under CI ({@code CI=true}) it fails, so that CI never
 * passes without the tool; on a developer's machine it is skipped, with a banner in the build's
 * output saying which tool is missing and how to get it, so that the README's {@code mvn verify}
 * still runs on a machine with only a JDK and Maven. Test-only.
 */
public final class Prerequisite {

  private Prerequisite() {}

  /** The exception to throw: a failure under CI, else an abort with a banner. */
  public static RuntimeException missing(String message) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return new IllegalStateException(message);
    }
    System.err.println("\n" + "#".repeat(76) + "\n### SKIPPED: " + message + "\n" + "#".repeat(76));
    return new TestAbortedException(message);
  }
}
