package org.hse.api.tokens;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in the users file format {@code
 * pbkdf2-sha256$<iterations>$<salt base64>$<key base64>}.
 *
 * <p>Run {@code java -cp target/classes org.hse.api.tokens.PasswordHash 'the password'} to print
 * the hash of a password (without an argument the password is read from the console or stdin).
 */
public final class PasswordHash {

  /** The scheme name that starts every hash. */
  public static final String SCHEME = "pbkdf2-sha256";

  /** The iteration count of new hashes (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
  public static final int ITERATIONS = 310_000;

  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** Hashes a password with a fresh random salt and {@link #ITERATIONS} iterations. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return hash(password, salt, ITERATIONS);
  }

  /** Hashes a password with the given salt and iteration count. */
  public static String hash(char[] password, byte[] salt, int iterations) {
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(derive(password, salt, iterations, KEY_BYTES));
  }

  /**
   * Whether the password matches the encoded hash. A malformed hash never matches. The comparison
   * of the derived keys takes constant time.
   */
  public static boolean verify(char[] password, String encoded) {
    if (encoded == null) {
      return false;
    }
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      return false;
    }
    int iterations;
    byte[] salt;
    byte[] expected;
    try {
      iterations = Integer.parseInt(parts[1]);
      salt = Base64.getDecoder().decode(parts[2]);
      expected = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || expected.length == 0) {
      return false;
    }
    byte[] actual = derive(password, salt, iterations, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Whether the text has the shape of a hash this class can verify. */
  public static boolean isWellFormed(String encoded) {
    if (encoded == null) {
      return false;
    }
    String[] parts = encoded.split("\\$", -1);
    try {
      int iterations = Integer.parseInt(parts[1]);
      return parts.length == 4
          && SCHEME.equals(parts[0])
          && iterations >= 1
          && iterations <= MAX_ITERATIONS
          && Base64.getDecoder().decode(parts[2]).length > 0
          && Base64.getDecoder().decode(parts[3]).length > 0;
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  /**
   * Prints the hash of the password given as the only argument, or, without an argument, of the
   * password read from the console (not echoed) or from the first line of stdin.
   */
  public static void main(String[] args) throws IOException {
    char[] password;
    if (args.length == 1) {
      password = args[0].toCharArray();
    } else if (args.length == 0) {
      password = readPassword();
    } else {
      System.err.println("usage: PasswordHash [password]   (without argument: read from stdin)");
      System.exit(2);
      return;
    }
    if (password == null || password.length == 0) {
      System.err.println("no password given");
      System.exit(2);
      return;
    }
    System.out.println(hash(password));
    Arrays.fill(password, '\0');
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      return console.readPassword("Password: ");
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? null : line.toCharArray();
  }
}
