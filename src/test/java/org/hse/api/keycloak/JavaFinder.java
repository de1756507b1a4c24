package org.hse.api.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hse.api.Prerequisite;

/**
 * Finds a JDK that can run Keycloak 26 (Java 21 or newer) for the Keycloak integration test.
 *
 * <p>An explicit choice wins: the system property {@code keycloak.java.home} (Maven: {@code
 * -Dkeycloak.java.home=...}) or the environment variable {@code KEYCLOAK_JAVA_HOME}; if it is not a
 * JDK 21+ the test fails. Otherwise the newest JDK 21+ among {@code JAVA21_HOME} (the build's JDK
 * 21+, README "Development"), {@code JAVA_HOME}, the test's own JVM and the usual install
 * directories ({@code /usr/lib/jvm}, {@code /usr/java}, {@code /opt/java}, SDKMAN) is used. When
 * there is none the test fails with a message saying so: a missing JDK must never look like a
 * passing build.
 */
public final class JavaFinder {

  /** The oldest Java feature release Keycloak 26 runs on. */
  public static final int MINIMUM = 21;

  private static final Pattern VERSION = Pattern.compile("^\"?(\\d+)");

  private JavaFinder() {}

  /** The home of the JDK to run Keycloak with. */
  public static Path keycloakJava() {
    Optional<String> explicit =
        Optional.ofNullable(System.getProperty("keycloak.java.home"))
            .filter(value -> !value.isBlank() && !value.startsWith("${"))
            .or(() -> Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")))
            .filter(value -> !value.isBlank());
    if (explicit.isPresent()) {
      Path home = Path.of(explicit.get());
      int version = version(home);
      if (version < MINIMUM) {
        throw new IllegalStateException(
            "KEYCLOAK TEST CANNOT RUN: keycloak.java.home / KEYCLOAK_JAVA_HOME = "
                + home
                + " is "
                + (version == 0 ? "not a JDK" : "Java " + version)
                + "; Keycloak needs Java "
                + MINIMUM
                + "+.");
      }
      return home;
    }
    List<Path> candidates = candidates();
    return candidates.stream()
        .filter(home -> version(home) >= MINIMUM)
        .max(Comparator.comparingInt(JavaFinder::version))
        .orElseThrow(
            () ->
                missing(
                    "KEYCLOAK TEST CANNOT RUN: no JDK "
                        + MINIMUM
                        + "+ found (Keycloak 26 needs one; Maven and the service run on Java 17)."
                        + " Looked at "
                        + candidates
                        + ". Install one (e.g. Temurin 25 in /usr/lib/jvm) or point"
                        + " -Dkeycloak.java.home / KEYCLOAK_JAVA_HOME at it; -Dkeycloak.it.skip=true"
                        + " skips this test explicitly."));
  }

  /** No JDK to run Keycloak: fails under CI, else skipped with a banner ({@link Prerequisite}). */
  private static RuntimeException missing(String message) {
    return Prerequisite.missing(message);
  }

  private static List<Path> candidates() {
    List<Path> homes = new ArrayList<>();
    for (String variable : List.of("JAVA21_HOME", "JAVA_HOME")) {
      Optional.ofNullable(System.getenv(variable))
          .filter(value -> !value.isBlank())
          .map(Path::of)
          .ifPresent(homes::add);
    }
    homes.add(Path.of(System.getProperty("java.home")));
    String user = System.getProperty("user.home");
    for (Path root :
        List.of(
            Path.of("/usr/lib/jvm"),
            Path.of("/usr/java"),
            Path.of("/opt/java"),
            Path.of(user, ".sdkman/candidates/java"),
            Path.of("/Library/Java/JavaVirtualMachines"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> children = Files.list(root)) {
          children.forEach(
              child -> {
                homes.add(child);
                homes.add(child.resolve("Contents/Home"));
              });
        } catch (IOException unreadable) {
          // not a place to look
        }
      }
    }
    return homes.stream().filter(home -> Files.isExecutable(home.resolve("bin/java"))).toList();
  }

  /** The feature release of the JDK at {@code home} (from its {@code release} file), else 0. */
  static int version(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
      return 0;
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(release)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      return 0;
    }
    Matcher matcher = VERSION.matcher(properties.getProperty("JAVA_VERSION", ""));
    if (!matcher.find()) {
      return 0;
    }
    int feature = Integer.parseInt(matcher.group(1));
    return feature == 1 ? 0 : feature; // "1.8" and older
  }
}
