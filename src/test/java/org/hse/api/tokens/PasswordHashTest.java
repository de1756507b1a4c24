package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

  private static final String VECTOR =
      "pbkdf2-sha256$310000$MDEyMzQ1Njc4OWFiY2RlZg==$6bVhH1p08T3Gy6G05VZva+AEHxuKSiXsAY0xoqk5h28=";

  @Test
  void contractTestVector() {
    byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    assertEquals(VECTOR, PasswordHash.hash("S3cret-pass!".toCharArray(), salt, 310_000));
  }

  @Test
  void verifiesTheTestVector() {
    assertTrue(PasswordHash.verify("S3cret-pass!".toCharArray(), VECTOR));
    assertFalse(PasswordHash.verify("S3cret-pass?".toCharArray(), VECTOR));
    assertFalse(PasswordHash.verify("".toCharArray(), VECTOR));
  }

  @Test
  void newHashesUseARandomSaltAndVerify() {
    String first = PasswordHash.hash("demo-pass".toCharArray());
    String second = PasswordHash.hash("demo-pass".toCharArray());
    assertNotEquals(first, second);
    assertTrue(first.startsWith("pbkdf2-sha256$310000$"));
    assertTrue(PasswordHash.verify("demo-pass".toCharArray(), first));
    assertTrue(PasswordHash.verify("demo-pass".toCharArray(), second));
  }

  @Test
  void malformedHashesNeverMatch() {
    char[] password = "S3cret-pass!".toCharArray();
    assertFalse(PasswordHash.verify(password, null));
    assertFalse(PasswordHash.verify(password, ""));
    assertFalse(PasswordHash.verify(password, "plain-text"));
    assertFalse(PasswordHash.verify(password, VECTOR.replace("pbkdf2-sha256", "pbkdf2-sha1")));
    assertFalse(PasswordHash.verify(password, "pbkdf2-sha256$x$MDEy$MDEy"));
    assertFalse(PasswordHash.verify(password, "pbkdf2-sha256$0$MDEy$MDEy"));
    assertFalse(PasswordHash.verify(password, "pbkdf2-sha256$1000$!!$MDEy"));
    assertFalse(PasswordHash.isWellFormed("pbkdf2-sha256$1000$MDEy"));
    assertTrue(PasswordHash.isWellFormed(VECTOR));
  }

  @Test
  void demoUsersHaveTheDocumentedPasswords() {
    UserDirectory demo = new UserDirectory(java.util.Optional.empty());
    assertTrue(demo.authenticate("admin", "demo-admin-pass".toCharArray()).isPresent());
    assertTrue(demo.authenticate("alice", "demo-alice-pass".toCharArray()).isPresent());
    assertTrue(demo.authenticate("rita", "demo-rita-pass".toCharArray()).isPresent());
    assertFalse(demo.authenticate("rita", "demo-alice-pass".toCharArray()).isPresent());
  }
}
