package org.hse.api.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Verifies a bearer token as Payara's MicroProfile JWT does, with the keys it keeps: the same
 * settings ({@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.publickey.location} or {@code
 * mp.jwt.verify.publickey}, {@code mp.jwt.verify.audiences}, {@code mp.jwt.verify.clock.skew}) and
 * the same checks (a signed JWT of type {@code JWT}, RS256 or ES256, the issuer, the claims {@code
 * iss}, {@code sub}, {@code exp}, {@code iat} and {@code jti}, {@code exp} within the clock skew,
 * one accepted audience when audiences are set, {@code iat} before {@code exp}), done by Nimbus
 * JOSE's {@code DefaultJWTProcessor}.
 *
 * <p>Why: Payara's verifier rebuilds the public key from the text of the JWK set on every request
 * (first trying the set as a PEM key, which fails with an exception), looks its identity store
 * handler up through {@code CDI.current()} every time and parses the payload again with JSON-P: in
 * a profile of the benchmark's authenticated no-op on Payara Micro 6, 30 µs, 37 µs and 10 µs of its
 * 525 µs of CPU. Here the keys are parsed when they are read, and kept as Nimbus keys.
 *
 * <p>The keys are read again as Payara does, when {@code publicKey.cache.ttl} of {@code
 * payara-mp-jwt.properties} (30 s) has passed, and also at once (at most every 10 s) for a token of
 * a key id not seen yet: a key rotated at the issuer is accepted without waiting for the cache.
 *
 * <p>{@link #of(Config)} gives none where Payara's configuration asks for what this class does not
 * do (encrypted tokens, a token age, a token in another header or a cookie): the mechanism then
 * leaves verification to Payara.
 */
final class KeptKeyVerifier {

  static final String LOCATION = "mp.jwt.verify.publickey.location";
  static final String INLINE_KEY = "mp.jwt.verify.publickey";

  /** Settings of Payara's verifier that this class does not implement. */
  static final List<String> LEFT_TO_PAYARA =
      List.of(
          "mp.jwt.decrypt.key.location",
          "mp.jwt.verify.token.age",
          "mp.jwt.token.header",
          "mp.jwt.token.cookie");

  private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final Set<String> REQUIRED = Set.of("iss", "sub", "exp", "iat", "jti");
  private static final long DEFAULT_CACHE_TTL_MS = 5 * 60 * 1000L;
  private static final long REFRESH_TIMEOUT_MS = 15_000;
  private static final long UNKNOWN_KEY_INTERVAL_MS = 10_000;
  private static final int TIMEOUT_MS = 5_000;
  private static final int SIZE_LIMIT = 512 * 1024;

  private final DefaultJWTProcessor<SecurityContext> processor;

  private KeptKeyVerifier(
      JWKSource<SecurityContext> keys, String issuer, Set<String> audiences, long clockSkew) {
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            audiences.isEmpty() ? null : new HashSet<>(audiences),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            new HashSet<>(REQUIRED),
            null);
    claims.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, clockSkew));
    processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * The verifier of this configuration, or none where verification must stay Payara's: no issuer or
   * no key configured, a key location that names neither a URL nor a resource of the application,
   * an inline key that does not parse (Payara then refuses every token, as it did before this
   * class), or a setting of {@link #LEFT_TO_PAYARA}.
   */
  static Optional<KeptKeyVerifier> of(Config config) {
    if (LEFT_TO_PAYARA.stream()
        .anyMatch(name -> TokenRefusal.Checks.setting(config, name).isPresent())) {
      return Optional.empty();
    }
    TokenRefusal.Checks checks = TokenRefusal.Checks.from(config);
    Optional<JWKSource<SecurityContext>> keys;
    try {
      keys = keys(config);
    } catch (IllegalArgumentException unusable) {
      return Optional.empty();
    }
    if (checks.issuer().isEmpty() || keys.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new KeptKeyVerifier(
            keys.get(), checks.issuer().get(), checks.audiences(), checks.clockSkew().toSeconds()));
  }

  /** The token's claims when it passes every check, else none. */
  Optional<VerifiedToken> verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      // Payara's one check that Nimbus's claims verifier has not
      if (!claims.getIssueTime().before(claims.getExpirationTime())) {
        return Optional.empty();
      }
      return Optional.of(new VerifiedToken(token, claims));
    } catch (ParseException
        | com.nimbusds.jose.proc.BadJOSEException
        | com.nimbusds.jose.JOSEException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      // Nimbus reports a key source out of reach as a runtime exception: a refusal, as Payara's
      return Optional.empty();
    }
  }

  /** The keys: the location as Payara reads it (file, classpath or URL), else the inline key. */
  private static Optional<JWKSource<SecurityContext>> keys(Config config) {
    Optional<String> location = TokenRefusal.Checks.setting(config, LOCATION);
    if (location.isPresent()) {
      long ttl = cacheTtl();
      return Optional.of(
          JWKSourceBuilder.create(url(location.get()), new Retriever())
              .cache(ttl, Math.min(REFRESH_TIMEOUT_MS, ttl / 2))
              .rateLimited(Math.min(UNKNOWN_KEY_INTERVAL_MS, ttl / 2))
              .refreshAheadCache(false)
              .retrying(false)
              .build());
    }
    return TokenRefusal.Checks.setting(config, INLINE_KEY).map(KeptKeyVerifier::inline);
  }

  private static JWKSource<SecurityContext> inline(String key) {
    try {
      return new ImmutableJWKSet<>(
          key.strip().startsWith("{")
              ? (key.contains("\"keys\"") ? JWKSet.parse(key) : new JWKSet(JWK.parse(key)))
              : new JWKSet(JWK.parseFromPEMEncodedObjects(key)));
    } catch (ParseException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalArgumentException(
          INLINE_KEY + " is neither a JWK set, a JWK nor a PEM key", e);
    }
  }

  /** A location as MicroProfile JWT reads it: a URL, else a resource of the application. */
  static URL url(String location) {
    try {
      return new URL(location);
    } catch (MalformedURLException notAUrl) {
      String resource = location.startsWith("/") ? location.substring(1) : location;
      URL found = Thread.currentThread().getContextClassLoader().getResource(resource);
      if (found == null) {
        throw new IllegalArgumentException(LOCATION + " names no URL and no resource", notAUrl);
      }
      return found;
    }
  }

  /** How long read keys are kept: Payara's {@code publicKey.cache.ttl}, one source for both. */
  static long cacheTtl() {
    try (InputStream in =
        KeptKeyVerifier.class.getClassLoader().getResourceAsStream("payara-mp-jwt.properties")) {
      if (in == null) {
        return DEFAULT_CACHE_TTL_MS;
      }
      Properties properties = new Properties();
      properties.load(in);
      return Long.parseLong(
          properties
              .getProperty("publicKey.cache.ttl", String.valueOf(DEFAULT_CACHE_TTL_MS))
              .strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a {@code file:} or {@code jar:} location (the data directory's JWK set, a resource) from
   * disk, and anything else over HTTP with Nimbus's own retriever, which reads HTTP only.
   */
  private static final class Retriever implements ResourceRetriever {
    private final ResourceRetriever http =
        new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT);

    @Override
    public Resource retrieveResource(URL url) throws IOException {
      if ("file".equals(url.getProtocol())) {
        try {
          return new Resource(Files.readString(Path.of(url.toURI()), StandardCharsets.UTF_8), null);
        } catch (URISyntaxException e) {
          throw new IOException(e);
        }
      }
      if ("jar".equals(url.getProtocol())) {
        try (InputStream in = url.openStream()) {
          return new Resource(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        }
      }
      return http.retrieveResource(url);
    }
  }
}
