package org.hse.api.tokens;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Encrypts the token keys that {@link SharedKeys} stores in the table {@code signing_key} with a
 * key-encryption key (KEK) that the operator supplies, so that a dump or backup of the database
 * alone never yields a key that signs tokens.
 *
 * <p>A stored generation is a compact JWE of its JWK set ({@link SigningKeys#toJson()}): {@code
 * A256KW} wraps a fresh content key for every value and {@code A256GCM} encrypts and authenticates
 * the set, so the KEK only ever wraps random keys and a changed byte fails to decrypt; Nimbus JOSE
 * does the cryptography. The header's {@code kid} is the KEK's RFC 7638 thumbprint, a SHA-256 of
 * the key that does not reveal it: a reader picks its key by that id, and the log can name a key
 * without showing it. An RSA 2048 generation is about 2,800 characters as a JWE, within the
 * column's 8,000.
 *
 * <p>Rotation: {@code auth.key.encryption-key} encrypts, and it and the keys of {@code
 * auth.key.encryption-key.previous} decrypt. An instance re-encrypts under its current key every
 * value it has read that is in clear or under another key ({@link #needsSealing}), and never
 * touches one it cannot decrypt: it cannot read it, so it fails instead. So an instance whose
 * current key another instance still has as a previous one never locks that instance out, which
 * makes a rolling rotation safe in two rounds (docs/security.md). Each setting may instead name a
 * file that holds the value ({@code <setting>.file}), where Docker and Kubernetes mount secrets.
 *
 * <p>Without a KEK the values stay in clear, as before this class, and {@link TokenService} warns
 * at every start. A value in clear is a JSON object, a JWE never begins with {@code {}, so both
 * kinds are read alike, which is how a table in clear moves under a KEK.
 */
final class KeyEncryption {

  /** The current key: encrypts, and decrypts. */
  static final String KEY = "auth.key.encryption-key";

  /** Earlier keys, separated by commas or white space: decrypt only. */
  static final String PREVIOUS = "auth.key.encryption-key.previous";

  /** The suffix of the setting that names a file holding a setting's value. */
  static final String FILE = ".file";

  static final JWEAlgorithm ALGORITHM = JWEAlgorithm.A256KW;
  static final EncryptionMethod METHOD = EncryptionMethod.A256GCM;

  /**
   * A setting or a stored value that stops the start (or a refresh): its message is one line for
   * the operator that names the setting or the row, and never holds a key.
   */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private final OctetSequenceKey current;
  private final Map<String, OctetSequenceKey> byId;

  private KeyEncryption(OctetSequenceKey current, List<OctetSequenceKey> previous) {
    this.current = current;
    this.byId = new LinkedHashMap<>();
    for (OctetSequenceKey key : previous) {
      byId.put(key.getKeyID(), key);
    }
    if (current != null) {
      byId.put(current.getKeyID(), current);
    }
  }

  /**
   * The keys the settings give; none when neither {@value #KEY} nor {@value #PREVIOUS} is set.
   *
   * @param settings a setting's value by its name, blank as empty (MicroProfile Config's)
   * @throws Failure on a malformed key, an unreadable file, a setting given both as value and file,
   *     or previous keys without a current one
   */
  static KeyEncryption from(Function<String, Optional<String>> settings) {
    List<OctetSequenceKey> current = keys(settings, KEY);
    if (current.size() > 1) {
      throw new Failure(
          KEY + " holds " + current.size() + " keys: give one, older ones in " + PREVIOUS);
    }
    List<OctetSequenceKey> previous = keys(settings, PREVIOUS);
    if (current.isEmpty() && !previous.isEmpty()) {
      throw new Failure(PREVIOUS + " is set but " + KEY + " is not: the keys would stay in clear");
    }
    return new KeyEncryption(current.isEmpty() ? null : current.get(0), previous);
  }

  /** No key: values stay in clear. */
  static KeyEncryption none() {
    return new KeyEncryption(null, List.of());
  }

  /** A KEK of 32 bytes, its {@code kid} its thumbprint. */
  static OctetSequenceKey key(byte[] bytes) {
    try {
      return new OctetSequenceKey.Builder(bytes)
          .algorithm(ALGORITHM)
          .keyUse(KeyUse.ENCRYPTION)
          .keyIDFromThumbprint()
          .build();
    } catch (JOSEException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static List<OctetSequenceKey> keys(
      Function<String, Optional<String>> settings, String name) {
    Optional<String> value = settings.apply(name);
    Optional<String> file = settings.apply(name + FILE);
    if (value.isPresent() && file.isPresent()) {
      throw new Failure(name + " and " + name + FILE + " are both set: set one of them");
    }
    String text;
    String source;
    if (file.isPresent()) {
      source = name + FILE + " (" + file.get() + ")";
      try {
        text = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new Failure(source + " cannot be read: " + e);
      }
    } else {
      source = name;
      text = value.orElse("");
    }
    List<OctetSequenceKey> keys = new ArrayList<>();
    for (String part : text.strip().split("[,\\s]+")) {
      if (!part.isEmpty()) {
        keys.add(key(KeyEncryptionKey.decode(part, source)));
      }
    }
    return keys;
  }

  /** Whether values are stored encrypted: a current key is set. */
  boolean encrypts() {
    return current != null;
  }

  /** The {@code kid} of the current key, which names it in the log; empty without one. */
  Optional<String> currentId() {
    return Optional.ofNullable(current).map(OctetSequenceKey::getKeyID);
  }

  /** How many keys decrypt: the current and the previous ones. */
  int decrypting() {
    return byId.size();
  }

  /** A generation's keys as the table stores them: a JWE under the current key, or in clear. */
  String seal(SigningKeys keys) {
    if (current == null) {
      return keys.toJson();
    }
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(ALGORITHM, METHOD).keyID(current.getKeyID()).build(),
            new Payload(keys.toJson()));
    try {
      jwe.encrypt(new AESEncrypter(current));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot encrypt the token keys: " + e.getMessage(), e);
    }
    return jwe.serialize();
  }

  /**
   * The keys of a stored value, in clear or encrypted under any key this instance has.
   *
   * @param generation the row's generation, which the message of a failure names
   * @throws Failure when no key of this instance decrypts it, or it is neither a JWE nor a JWK set
   */
  SigningKeys open(int generation, String stored) {
    String row = "signing_key generation " + generation;
    String json = stored;
    if (!inClear(stored)) {
      JWEObject jwe = parse(row, stored);
      String id = jwe.getHeader().getKeyID();
      OctetSequenceKey key = byId.get(id);
      if (key == null) {
        throw new Failure(
            row
                + " is encrypted under the key-encryption key "
                + id
                + ", which is neither "
                + KEY
                + " nor in "
                + PREVIOUS
                + (current == null
                    ? " (neither is set)"
                    : " (" + KEY + " is " + current.getKeyID() + ")"));
      }
      if (!ALGORITHM.equals(jwe.getHeader().getAlgorithm())
          || !METHOD.equals(jwe.getHeader().getEncryptionMethod())) {
        throw new Failure(row + " is not A256KW with A256GCM: " + jwe.getHeader().toString());
      }
      try {
        jwe.decrypt(new AESDecrypter(key));
      } catch (JOSEException e) {
        throw new Failure(
            row + " does not decrypt with the key-encryption key " + id + ": " + e.getMessage());
      }
      json = jwe.getPayload().toString();
    }
    try {
      return SigningKeys.parse(json);
    } catch (IOException e) {
      throw new Failure(row + " is not a generation of token keys: " + e.getMessage());
    }
  }

  /**
   * Whether a stored value that {@link #open} read should be written again under the current key:
   * it is in clear or under another key, and there is a current key.
   */
  boolean needsSealing(String stored) {
    if (current == null) {
      return false;
    }
    if (inClear(stored)) {
      return true;
    }
    try {
      return !current.getKeyID().equals(JWEObject.parse(stored).getHeader().getKeyID());
    } catch (ParseException e) {
      return false;
    }
  }

  static boolean inClear(String stored) {
    return stored.stripLeading().startsWith("{");
  }

  private static JWEObject parse(String row, String stored) {
    try {
      return JWEObject.parse(stored.strip());
    } catch (ParseException e) {
      throw new Failure(row + " is neither a JWK set nor a JWE: " + e.getMessage());
    }
  }
}
