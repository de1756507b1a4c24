package org.hse.api.tokens;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The text form of a key-encryption key ({@link KeyEncryption}): 32 random bytes in base64, as an
 * operator puts them in {@code auth.key.encryption-key} or in a secret's file.
 *
 * <p>Run {@code java -cp target/classes org.hse.api.tokens.KeyEncryptionKey} to print a new one.
 * The class needs nothing but the JDK, so that this works without the application's libraries on
 * the class path, and on an image that has no {@code openssl}.
 */
public final class KeyEncryptionKey {

  /** The length of a key in bytes: AES-256. */
  static final int BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyEncryptionKey() {}

  /** A new random key in base64. */
  public static String generate() {
    byte[] key = new byte[BYTES];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /**
   * The bytes of a key given in base64 (standard or URL-safe, padded or not).
   *
   * @param setting the setting that gave it, which the message of a malformed key names
   * @throws KeyEncryption.Failure when it is not base64 of exactly {@value #BYTES} bytes; the
   *     message never repeats the value
   */
  static byte[] decode(String base64, String setting) {
    byte[] key;
    try {
      key =
          base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(base64)
              : Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new KeyEncryption.Failure(setting + " is not base64: " + usage());
    }
    if (key.length != BYTES) {
      throw new KeyEncryption.Failure(
          setting + " is " + key.length + " bytes, not a 256-bit key (32 bytes): " + usage());
    }
    return key;
  }

  private static String usage() {
    return "give a base64 256-bit key, such as java -cp <classes> "
        + KeyEncryptionKey.class.getName()
        + " prints";
  }

  /** Prints a new key in base64. */
  public static void main(String[] args) {
    if (args.length != 0) {
      System.err.println("usage: KeyEncryptionKey   (prints a new base64 256-bit key)");
      System.exit(2);
      return;
    }
    System.out.println(generate());
  }
}
