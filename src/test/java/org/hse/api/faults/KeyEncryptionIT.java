package org.hse.api.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hse.api.ApiClient;
import org.hse.api.ApiClient.Reply;
import org.hse.api.FreshDatabase;
import org.hse.api.ServiceProcess;
import org.hse.api.faults.TokenRequests.Tokens;
import org.hse.api.tokens.KeyEncryptionKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: the token keys in the database are encrypted under the operator's key-encryption key
 * (KEK), a dump of the table alone yields no key that signs tokens, and a rotation of the KEK keeps
 * every issued token valid. One server (the runnable jar; on the embedded H2 in a fresh data
 * directory, or with {@code -P faults,postgres} on a throwaway database of its own) starts five
 * times on the same database, a new key generation every minute or so ({@code AUTH_KEY_ROTATION} as
 * in {@link SharedCluster}), tokens valid for an hour so that they outlive the restarts:
 *
 * <ol>
 *   <li>without a KEK: the start warns that the keys are in clear, and they are; a writer logs in;
 *   <li>with KEK A: the token reads; then every row is a JWE under A that neither parses as a JWK
 *       set nor holds private key material;
 *   <li>with KEK B and A as the previous key: the first token still reads, and every row is now
 *       under B;
 *   <li>with B alone, from a file as a mounted secret gives it: the first token still reads and its
 *       refresh token refreshes;
 *   <li>with a KEK C alone: the start stops with one line that names the settings and B's key id,
 *       and the table is left as it was, no generation added;
 *   <li>with B, after a generation in clear was written beside the encrypted ones (as someone with
 *       the database's credentials and no KEK would, to sign tokens of their own): the start stops
 *       with one line naming that generation.
 * </ol>
 *
 * Like {@link KillDurabilityIT}, first among the fault tests ({@code @Order}): before {@link
 * SharedCluster}'s instances start. Run by {@code mvn verify -P faults}; skipped on WildFly ({@code
 * -P wildfly,faults}), as it tests the application's own code on the runnable jar.
 */
@Order(1)
class KeyEncryptionIT {

  private static final String KEY = "AUTH_KEY_ENCRYPTION_KEY";
  private static final String PREVIOUS = "AUTH_KEY_ENCRYPTION_KEY_PREVIOUS";
  private static final String KEY_FILE = "AUTH_KEY_ENCRYPTION_KEY_FILE";
  private static final Duration REFUSAL_TIMEOUT = Duration.ofMinutes(5);

  private static Path workDir;
  private static Map<String, String> shared;
  private static String database;

  @BeforeAll
  static void database() throws Exception {
    Assumptions.assumeFalse(
        ServiceProcess.onWildFly(),
        "the keys' encryption is the application's own, the same on every server: the Payara"
            + " fault run (-P faults) covers it, on the runnable jar");
    workDir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "faults")).toAbsolutePath(), "kek-");
    shared = new HashMap<>();
    shared.put("DATA_DIR", workDir.resolve("data").toString());
    shared.put("DEMO_ENABLED", "false");
    shared.put(
        "AUTH_USERS_FILE",
        Path.of(KeyEncryptionIT.class.getResource("/test-users.json").toURI()).toString());
    shared.put("AUTH_TOKEN_LIFETIME", "3600");
    shared.put("AUTH_KEY_ROTATION", "5");
    shared.put("AUTH_KEY_PUBLISH_DELAY", "50");
    if (FreshDatabase.onPostgres()) {
      for (String name : List.of("DB_CLASS", "DB_URL", "DB_USER", "DB_PASSWORD")) {
        shared.put(name, System.getenv(name));
      }
    }
    database = FreshDatabase.own("kek", shared);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    FreshDatabase.dropOwn(database);
  }

  @Test
  void aRotatedKeyEncryptionKeyKeepsTokensValidAndTheTableHoldsNoSigningKey() throws Exception {
    String a = KeyEncryptionKey.generate();
    String b = KeyEncryptionKey.generate();
    Tokens first;
    try (PayaraMicro server = server("kek-none", Map.of())) {
      URI base = server.start();
      first = TokenRequests.login(base, "writer");
      assertTrue(
          Files.readString(server.log()).contains("* TOKEN SIGNING KEYS ARE STORED IN CLEAR"),
          "no warning in " + server.log());
    }
    Map<Integer, String> inClear = table();
    for (String value : inClear.values()) {
      assertTrue(JWKSet.parse(value).getKeys().get(0).isPrivate(), "not in clear: " + value);
    }
    try (PayaraMicro server = server("kek-a", Map.of(KEY, a))) {
      URI base = server.start();
      assertReads(base, first, "with KEK A, after the keys in clear");
      assertFalse(
          Files.readString(server.log()).contains("STORED IN CLEAR"), "a warning with a KEK");
    }
    Map<Integer, String> underA = table();
    assertFalse(underA.isEmpty(), "no generation in signing_key");
    assertNoSigningKeyIn(underA);
    assertEquals(Set.of(id(a)), keyIds(underA), "the KEKs of the rows after the start with A");

    try (PayaraMicro server = server("kek-b-a", Map.of(KEY, b, PREVIOUS, a))) {
      assertReads(server.start(), first, "with KEK B, A previous");
    }
    Map<Integer, String> underB = table();
    assertTrue(underB.keySet().containsAll(underA.keySet()), underA.keySet() + " " + underB);
    assertNoSigningKeyIn(underB);
    assertEquals(Set.of(id(b)), keyIds(underB), "the KEKs of the rows after the rotation to B");

    Path secret = Files.writeString(workDir.resolve("kek-b.secret"), b + "\n");
    try (PayaraMicro server = server("kek-b", Map.of(KEY_FILE, secret.toString()))) {
      URI base = server.start();
      assertReads(base, first, "with KEK B alone");
      Reply refreshed = TokenRequests.refresh(base, first.refresh());
      assertEquals(200, refreshed.status(), "the first refresh token with B alone: " + refreshed);
    }
    Map<Integer, String> before = table();
    assertEquals(Set.of(id(b)), keyIds(before));

    String c = KeyEncryptionKey.generate();
    try (PayaraMicro server = server("kek-c", Map.of(KEY, c))) {
      server.launch();
      String line = awaitRefusal(server);
      assertTrue(
          line.contains(
              "is encrypted under the key-encryption key "
                  + id(b)
                  + ", which is neither auth.key.encryption-key nor in"
                  + " auth.key.encryption-key.previous (auth.key.encryption-key is "
                  + id(c)
                  + ")"),
          line);
      assertFalse(line.contains(b) || line.contains(c), "a key in the log: " + line);
    }
    assertEquals(before, table(), "signing_key after the refused start");

    int forged = Collections.max(before.keySet()) + 1;
    execute(
        "INSERT INTO signing_key (generation, jwk_set, created_ms, signs_from_ms) VALUES ("
            + forged
            + ", '"
            + inClear.values().iterator().next()
            + "', 0, 0)");
    try (PayaraMicro server = server("kek-forged", Map.of(KEY_FILE, secret.toString()))) {
      server.launch();
      String line = awaitRefusal(server);
      assertTrue(
          line.contains("generation(s) [" + forged + "] are in clear beside encrypted ones"), line);
    }
    execute("DELETE FROM signing_key WHERE generation = " + forged);
    for (String name : List.of("kek-none", "kek-a", "kek-b-a", "kek-b", "kek-c", "kek-forged")) {
      String log = Files.readString(workDir.resolve(name + ".log"));
      for (String key : List.of(a, b, c)) {
        assertFalse(log.contains(key), "a key-encryption key in the log of " + name);
      }
    }
    System.out.printf(
        "KeyEncryptionIT: generations %s in clear, %s under A, %s under B after the rotation, %s at the end;"
            + " the token of generation %s read throughout (work dir %s)%n",
        inClear.keySet(),
        underA.keySet(),
        underB.keySet(),
        before.keySet(),
        TokenRequests.kid(first.access()),
        workDir);
  }

  private static PayaraMicro server(String name, Map<String, String> keys) {
    Map<String, String> env = new HashMap<>(shared);
    env.putAll(keys);
    return new PayaraMicro(name, workDir, env).shutdownGrace(PayaraMicro.QUICK_STOP);
  }

  private static void assertReads(URI base, Tokens tokens, String when) {
    Reply index = new ApiClient(base, tokens.access()).indexQuery("incident", "");
    assertEquals(200, index.status(), "the first token " + when + ": " + index);
  }

  /** A dump alone yields no signing key: no row is a JWK set or holds a private key's members. */
  private static void assertNoSigningKeyIn(Map<Integer, String> rows) {
    for (Map.Entry<Integer, String> row : rows.entrySet()) {
      String value = row.getValue();
      assertThrows(
          ParseException.class,
          () -> JWKSet.parse(value),
          "generation " + row.getKey() + " is a JWK set");
      for (String member : List.of("\"d\":", "\"k\":", "\"p\":", "\"q\":")) {
        assertFalse(value.contains(member), "generation " + row.getKey() + " holds " + member);
      }
    }
  }

  /** The {@code kid}s of the KEKs under which the rows are encrypted. */
  private static Set<String> keyIds(Map<Integer, String> rows) throws ParseException {
    Set<String> ids = new TreeSet<>();
    for (String value : rows.values()) {
      ids.add(JWEObject.parse(value).getHeader().getKeyID());
    }
    return ids;
  }

  /** A KEK's id as the service names it: the RFC 7638 thumbprint of the key. */
  private static String id(String key) throws Exception {
    return new OctetSequenceKey.Builder(Base64.getDecoder().decode(key))
        .build()
        .computeThumbprint()
        .toString();
  }

  /** The rows of {@code signing_key}, read directly as a dump would (the server stopped). */
  private static Map<Integer, String> table() throws SQLException {
    Map<Integer, String> rows = new TreeMap<>();
    try (Connection connection = connect();
        Statement select = connection.createStatement();
        ResultSet result = select.executeQuery("SELECT generation, jwk_set FROM signing_key")) {
      while (result.next()) {
        rows.put(result.getInt(1), result.getString(2));
      }
    }
    return rows;
  }

  /** A change to the table as someone with the database's credentials and no KEK writes it. */
  private static void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect() throws SQLException {
    String url =
        shared.getOrDefault(
            "DB_URL", "jdbc:h2:" + workDir.resolve("data").resolve("incident-actions"));
    return DriverManager.getConnection(
        url, shared.getOrDefault("DB_USER", "sa"), shared.getOrDefault("DB_PASSWORD", "sa"));
  }

  /** Waits for the line with which the key store stops the start; the line. */
  private static String awaitRefusal(PayaraMicro server) throws Exception {
    Instant deadline = Instant.now().plus(REFUSAL_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      Optional<String> line = refusal(server.log());
      if (line.isPresent()) {
        return line.get();
      }
      assertTrue(server.running(), "the server exited without the line: " + server.log());
      Thread.sleep(500);
    }
    throw new AssertionError("no refusal within " + REFUSAL_TIMEOUT + " in " + server.log());
  }

  private static Optional<String> refusal(Path log) throws IOException {
    if (!Files.exists(log)) {
      return Optional.empty();
    }
    List<String> lines =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(" SEVERE [org.hse.api.tokens.SharedKeys] Token keys: "))
            .collect(Collectors.toList());
    return lines.stream().findFirst();
  }
}
