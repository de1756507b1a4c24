package org.hse.api.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWEObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionTest {

  static final SigningKeys KEYS = SigningKeys.generate("refresh-7");
  static final String A = KeyEncryptionKey.generate();
  static final String B = KeyEncryptionKey.generate();

  private static KeyEncryption with(String... settings) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < settings.length; i += 2) {
      values.put(settings[i], settings[i + 1]);
    }
    return KeyEncryption.from(name -> Optional.ofNullable(values.get(name)));
  }

  private static String id(String key) {
    return KeyEncryption.key(Base64.getDecoder().decode(key)).getKeyID();
  }

  private static String kid(String stored) throws Exception {
    return JWEObject.parse(stored).getHeader().getKeyID();
  }

  private static void assertSameKeys(SigningKeys expected, SigningKeys actual) {
    assertEquals(expected.toJson(), actual.toJson());
  }

  @Test
  void aGenerationSealedUnderTheKeyOpensAgainAndHoldsNoKeyInClear() throws Exception {
    KeyEncryption encryption = with(KeyEncryption.KEY, A);
    String stored = encryption.seal(KEYS);
    assertSameKeys(KEYS, encryption.open(7, stored));
    assertEquals(id(A), kid(stored));
    JWEObject jwe = JWEObject.parse(stored);
    assertEquals("A256KW", jwe.getHeader().getAlgorithm().getName());
    assertEquals("A256GCM", jwe.getHeader().getEncryptionMethod().getName());
    assertFalse(stored.contains("\"d\""), stored);
    assertFalse(stored.contains(KEYS.refreshKey().getKeyValue().toString()), stored);
    assertThrows(IOException.class, () -> SigningKeys.parse(stored));
    assertTrue(stored.length() < 8000, "longer than the column: " + stored.length());
    assertFalse(encryption.needsSealing(stored));
  }

  @Test
  void anotherKeyDoesNotOpenItAndTheMessageNamesTheSettingsAndTheKeyId() {
    String stored = with(KeyEncryption.KEY, A).seal(KEYS);
    KeyEncryption.Failure failure =
        assertThrows(KeyEncryption.Failure.class, () -> with(KeyEncryption.KEY, B).open(3, stored));
    assertEquals(
        "signing_key generation 3 is encrypted under the key-encryption key "
            + id(A)
            + ", which is neither auth.key.encryption-key nor in"
            + " auth.key.encryption-key.previous (auth.key.encryption-key is "
            + id(B)
            + ")",
        failure.getMessage());
    assertThrows(KeyEncryption.Failure.class, () -> KeyEncryption.none().open(3, stored));
  }

  @Test
  void aChangedValueDoesNotDecrypt() {
    String stored = with(KeyEncryption.KEY, A).seal(KEYS);
    String[] parts = stored.split("\\.");
    char last = parts[3].charAt(10);
    parts[3] = parts[3].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[3].substring(11);
    KeyEncryption.Failure failure =
        assertThrows(
            KeyEncryption.Failure.class,
            () -> with(KeyEncryption.KEY, A).open(1, String.join(".", parts)));
    assertTrue(failure.getMessage().contains("does not decrypt"), failure.getMessage());
  }

  @Test
  void aPreviousKeyDecryptsAndTheValueIsSealedAgainUnderTheCurrentOne() throws Exception {
    String underA = with(KeyEncryption.KEY, A).seal(KEYS);
    KeyEncryption rotated =
        with(KeyEncryption.KEY, B, KeyEncryption.PREVIOUS, KeyEncryptionKey.generate() + "," + A);
    assertSameKeys(KEYS, rotated.open(1, underA));
    assertTrue(rotated.needsSealing(underA));
    String underB = rotated.seal(KEYS);
    assertEquals(id(B), kid(underB));
    assertFalse(rotated.needsSealing(underB));
    assertSameKeys(KEYS, with(KeyEncryption.KEY, B).open(1, underB));
  }

  @Test
  void aValueInClearIsReadAndSealedUnderAKeyButStaysInClearWithoutOne() {
    String clear = KEYS.toJson();
    KeyEncryption encryption = with(KeyEncryption.KEY, A);
    assertSameKeys(KEYS, encryption.open(1, clear));
    assertTrue(encryption.needsSealing(clear));
    KeyEncryption none = with();
    assertFalse(none.encrypts());
    assertEquals(clear, none.seal(KEYS));
    assertFalse(none.needsSealing(clear));
    assertSameKeys(KEYS, none.open(1, clear));
  }

  @Test
  void aMalformedKeyIsRefusedNamingTheSettingButNotTheValue() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    KeyEncryption.Failure failure =
        assertThrows(KeyEncryption.Failure.class, () -> with(KeyEncryption.KEY, short16));
    assertTrue(
        failure.getMessage().startsWith("auth.key.encryption-key is 16 bytes, not a 256-bit key"),
        failure.getMessage());
    assertFalse(failure.getMessage().contains(short16));
    failure =
        assertThrows(KeyEncryption.Failure.class, () -> with(KeyEncryption.PREVIOUS, "not*base64"));
    assertTrue(
        failure.getMessage().startsWith("auth.key.encryption-key.previous is not base64"),
        failure.getMessage());
    assertThrows(KeyEncryption.Failure.class, () -> with(KeyEncryption.KEY, A + "," + B));
    assertThrows(KeyEncryption.Failure.class, () -> with(KeyEncryption.PREVIOUS, A));
  }

  @Test
  void aKeyMayComeFromAFileButNotFromAFileAndAValue(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("kek"), B + "\n");
    KeyEncryption fromFile = with(KeyEncryption.KEY + KeyEncryption.FILE, file.toString());
    assertEquals(Optional.of(id(B)), fromFile.currentId());
    String urlSafe =
        Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(A));
    assertEquals(Optional.of(id(A)), with(KeyEncryption.KEY, urlSafe).currentId());
    KeyEncryption.Failure both =
        assertThrows(
            KeyEncryption.Failure.class,
            () ->
                with(
                    KeyEncryption.KEY, A, KeyEncryption.KEY + KeyEncryption.FILE, file.toString()));
    assertEquals(
        "auth.key.encryption-key and auth.key.encryption-key.file are both set: set one of them",
        both.getMessage());
    KeyEncryption.Failure missing =
        assertThrows(
            KeyEncryption.Failure.class,
            () -> with(KeyEncryption.KEY + KeyEncryption.FILE, dir.resolve("missing").toString()));
    assertTrue(
        missing.getMessage().startsWith("auth.key.encryption-key.file (" + dir),
        missing.getMessage());
  }
}
