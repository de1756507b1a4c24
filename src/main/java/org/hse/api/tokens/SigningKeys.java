package org.hse.api.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * One generation of the keys of the built-in token endpoint: an RSA 2048 key that signs access
 * tokens (RS256) and a 256-bit secret that signs refresh tokens (HS256, which MicroProfile JWT
 * refuses as an access token).
 *
 * <p>The generations in use are kept in the database ({@link SharedKeys}). The first generation of
 * an empty database is the one in {@code <data.dir>/keys/token-keys.json} of the instance that
 * finds it empty (a JWK set, readable by its owner only, generated at first use), so a service that
 * kept its key there before keeps its issued tokens valid.
 */
public final class SigningKeys {

  static final String FILE = "keys/token-keys.json";
  static final String REFRESH_KEY_ID = "refresh";

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
  private static final Map<Path, SigningKeys> LOADED = new ConcurrentHashMap<>();

  private final RSAKey signingKey;
  private final OctetSequenceKey refreshKey;

  SigningKeys(RSAKey signingKey, OctetSequenceKey refreshKey) {
    this.signingKey = signingKey;
    this.refreshKey = refreshKey;
  }

  /** The keys kept in this data directory, loaded or generated once per application. */
  public static SigningKeys in(Path dataDir) {
    return LOADED.computeIfAbsent(dataDir.toAbsolutePath().normalize(), SigningKeys::loadOrCreate);
  }

  /** The RSA key pair that signs access tokens; its {@code kid} is its RFC 7638 thumbprint. */
  public RSAKey signingKey() {
    return signingKey;
  }

  /** The secret that signs refresh tokens. */
  public OctetSequenceKey refreshKey() {
    return refreshKey;
  }

  /** The public JWK set to publish: the public part of the signing key only. */
  public JWKSet publicJwks() {
    return new JWKSet(signingKey.toPublicJWK());
  }

  static SigningKeys loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the token signing keys " + file, e);
    }
  }

  private static SigningKeys read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The keys of a private JWK set as {@link #toJson()} writes it. */
  static SigningKeys parse(String json) throws IOException {
    try {
      JWKSet set = JWKSet.parse(json);
      RSAKey rsa = null;
      OctetSequenceKey secret = null;
      for (JWK key : set.getKeys()) {
        if (key instanceof RSAKey r && r.isPrivate()) {
          rsa = r;
        } else if (key instanceof OctetSequenceKey o) {
          secret = o;
        }
      }
      if (rsa == null || secret == null) {
        throw new IOException("the file lacks the RSA private key or the refresh secret");
      }
      return new SigningKeys(rsa, secret);
    } catch (ParseException e) {
      throw new IOException("not a JWK set: " + e.getMessage(), e);
    }
  }

  /**
   * New keys: an RSA 2048 key pair whose {@code kid} is its thumbprint, and a 256-bit secret with
   * this {@code kid}.
   */
  static SigningKeys generate(String refreshKeyId) {
    try {
      RSAKey generated = new RSAKeyGenerator(2048).generate();
      RSAKey rsa =
          new RSAKey.Builder(generated)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint()
              .build();
      OctetSequenceKey secret =
          new OctetSequenceKeyGenerator(256)
              .keyID(refreshKeyId)
              .algorithm(JWSAlgorithm.HS256)
              .keyUse(KeyUse.SIGNATURE)
              .generate();
      return new SigningKeys(rsa, secret);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate the token signing keys", e);
    }
  }

  /** Both keys, private parts included, as a JWK set. */
  String toJson() {
    return new JWKSet(List.of(signingKey, refreshKey)).toString(false);
  }

  private static void create(Path file) throws IOException {
    SigningKeys set = generate(REFRESH_KEY_ID);
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "token-keys", ".tmp");
    try {
      restrictToOwner(tmp);
      Files.writeString(tmp, set.toJson(), StandardCharsets.UTF_8);
      try {
        // a link fails when another process created the file first: theirs wins
        Files.createLink(file, tmp);
        LOG.info(() -> "Generated the token signing key " + file);
      } catch (FileAlreadyExistsException e) {
        LOG.fine(() -> "Token signing key created concurrently: " + file);
      } catch (UnsupportedOperationException | IOException e) {
        if (!Files.exists(file)) {
          Files.move(tmp, file);
          LOG.info(() -> "Generated the token signing key " + file);
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: rely on the directory's permissions
    }
  }
}
