package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {

  /**
   * "S3cret-pass!" at 1,000 iterations: the contract's test vector's password and salt, at a count
   * that keeps this test fast (PasswordHashTest checks the vector itself, at 310,000).
   */
  private static final String HASH =
      "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$CZVoEhneUAz7BZlaB/5n4QUT6zlScygq9t4YajvoHZs=";

  private static String user(String name, String roles, String tenants) {
    return "{\"username\":\""
        + name
        + "\",\"password_hash\":\""
        + HASH
        + "\",\"roles\":"
        + roles
        + ",\"tenants\":"
        + tenants
        + "}";
  }

  @Test
  void parsesTheContractFormat() {
    List<UserAccount> users =
        UserDirectory.parse(
            new StringReader(
                "["
                    + user("alice", "[\"writer\"]", "[\"p1\",\"p2\"]")
                    + ","
                    + user("root", "[\"admin\"]", "[]")
                    + "]"));
    assertEquals(2, users.size());
    assertEquals(
        new UserAccount("alice", HASH, List.of("writer"), List.of("p1", "p2")), users.get(0));
    assertEquals(List.of(), users.get(1).tenants());
  }

  @Test
  void tenantsMayBeOmitted() {
    String json =
        "[{\"username\":\"a\",\"password_hash\":\"" + HASH + "\",\"roles\":[\"reader\"]}]";
    assertEquals(List.of(), UserDirectory.parse(new StringReader(json)).get(0).tenants());
  }

  @Test
  void rejectsInvalidFilesWithoutShowingHashes() {
    for (String json :
        List.of(
            "{}",
            "not json",
            "[1]",
            "[{\"username\":\"a\",\"roles\":[]}]",
            "[{\"username\":\"\",\"password_hash\":\"" + HASH + "\"}]",
            "[{\"username\":\"a\",\"password_hash\":\"secret-plain\"}]",
            "[{\"username\":\"a\",\"password_hash\":\"" + HASH + "\",\"roles\":\"admin\"}]",
            "[{\"username\":\"a\",\"password_hash\":\"" + HASH + "\",\"tenants\":[1]}]")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> UserDirectory.parse(new StringReader(json)),
              json);
      assertFalse(e.getMessage().contains("secret-plain"), e.getMessage());
    }
  }

  @Test
  void authenticatesAndRereadsAChangedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    Files.writeString(file, "[" + user("alice", "[\"writer\"]", "[\"p1\"]") + "]");
    UserDirectory users = new UserDirectory(Optional.of(file));
    assertFalse(users.isDemo());
    assertTrue(users.authenticate("alice", "S3cret-pass!".toCharArray()).isPresent());
    assertFalse(users.authenticate("alice", "wrong".toCharArray()).isPresent());
    assertFalse(users.authenticate("bob", "S3cret-pass!".toCharArray()).isPresent());

    Files.writeString(file, "[" + user("alice", "[\"reader\"]", "[\"p1\",\"p2\"]") + "]");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    UserAccount alice = users.find("alice").orElseThrow();
    assertEquals(List.of("reader"), alice.roles());
    assertEquals(List.of("p1", "p2"), alice.tenants());
  }

  @Test
  void aDuplicateUserIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    Files.writeString(file, "[" + user("a", "[]", "[]") + "," + user("a", "[]", "[]") + "]");
    UserDirectory users = new UserDirectory(Optional.of(file));
    assertThrows(IllegalStateException.class, () -> users.find("a"));
  }

  @Test
  void demoUsersAreBundled() {
    UserDirectory demo = new UserDirectory(Optional.empty());
    assertTrue(demo.isDemo());
    assertEquals(List.of("admin"), demo.find("admin").orElseThrow().roles());
    assertEquals(List.of(), demo.find("admin").orElseThrow().tenants());
    assertEquals(
        List.of("9b2f6c1e-4d3a-4c5b-8e7f-1a2b3c4d5e6f"),
        demo.find("alice").orElseThrow().tenants());
    assertEquals(List.of("writer"), demo.find("alice").orElseThrow().roles());
    assertEquals(List.of("reader"), demo.find("rita").orElseThrow().roles());
  }

  @Test
  void withoutAFileAndWithoutTheDemoNobodyGetsIn() {
    UserDirectory none = UserDirectory.none();
    assertEquals(0, none.size());
    assertEquals(false, none.isDemo());
    assertEquals(
        java.util.Optional.empty(), none.authenticate("admin", "demo-admin-pass".toCharArray()));
  }
}
