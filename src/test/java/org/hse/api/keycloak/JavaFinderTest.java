package org.hse.api.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the Keycloak test recognises a JDK and its version. */
class JavaFinderTest {

  @TempDir Path dir;

  @Test
  void readsTheFeatureReleaseFromTheReleaseFile() throws IOException {
    assertEquals(25, JavaFinder.version(jdk("a", "JAVA_VERSION=\"25.0.1\"")));
    assertEquals(21, JavaFinder.version(jdk("b", "IMPLEMENTOR=x\nJAVA_VERSION=\"21\"\n")));
    assertEquals(17, JavaFinder.version(jdk("c", "JAVA_VERSION=\"17.0.13\"")));
  }

  @Test
  void oldOrIncompleteInstallationsAreNoJdk() throws IOException {
    assertEquals(0, JavaFinder.version(jdk("old", "JAVA_VERSION=\"1.8.0_402\"")));
    assertEquals(0, JavaFinder.version(jdk("garbage", "JAVA_VERSION=\"beta\"")));
    Path noRelease = jdk("no-release", "");
    Files.delete(noRelease.resolve("release"));
    assertEquals(0, JavaFinder.version(noRelease));
    assertEquals(0, JavaFinder.version(dir.resolve("missing")));
  }

  private Path jdk(String name, String release) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("release"), release);
    return home;
  }
}
