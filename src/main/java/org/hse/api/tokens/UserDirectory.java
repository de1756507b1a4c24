package org.hse.api.tokens;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The users of the built-in token endpoint: a JSON file (config {@code auth.users.file}) or, when
 * none is configured, the demo users bundled as {@code demo-users.json}. The file is read again
 * when it changes, so a refresh picks up changed roles and removed users.
 *
 * <p>Format: {@code [{"username": "alice", "password_hash": "pbkdf2-sha256$...", "roles":
 * ["writer"], "tenants": ["<project uuid>"]}]}.
 */
public final class UserDirectory {

  /** The classpath resource with the demo users. */
  public static final String DEMO_RESOURCE = "demo-users.json";

  /** A hash of a random password, verified against for unknown users. */
  private static final String DUMMY_HASH =
      PasswordHash.hash(UUID.randomUUID().toString().toCharArray());

  private final Optional<Path> file;
  private final boolean demo;
  private Map<String, UserAccount> users;
  private FileTime loadedModified;
  private long loadedSize = -1;

  /**
   * @param file the users file, or empty for the bundled demo users
   */
  public UserDirectory(Optional<Path> file) {
    this.file = Objects.requireNonNull(file);
    this.demo = file.isEmpty();
  }

  private UserDirectory() {
    this.file = Optional.empty();
    this.demo = false;
    this.users = Map.of();
  }

  /** A directory without users: no file is configured and the demo is off. */
  public static UserDirectory none() {
    return new UserDirectory();
  }

  /** Whether these are the bundled demo users with published passwords. */
  public boolean isDemo() {
    return demo;
  }

  /** Where the users come from, for log messages. */
  public String source() {
    return file.map(Path::toString).orElse(demo ? "classpath:" + DEMO_RESOURCE : "no users file");
  }

  /** The number of users, reading the file when needed. */
  public synchronized int size() {
    return current().size();
  }

  /** The user with this name, reading the file again when it changed. */
  public synchronized Optional<UserAccount> find(String username) {
    return Optional.ofNullable(current().get(username));
  }

  /**
   * The user when the password matches. An unknown user costs the same PBKDF2 work as a wrong
   * password, so the answer time does not tell whether a user exists.
   */
  public Optional<UserAccount> authenticate(String username, char[] password) {
    Optional<UserAccount> user = find(username);
    String hash = user.map(UserAccount::passwordHash).orElse(DUMMY_HASH);
    boolean matches = PasswordHash.verify(password, hash);
    return matches ? user : Optional.empty();
  }

  private Map<String, UserAccount> current() {
    if (file.isEmpty()) {
      if (users == null) {
        InputStream in = UserDirectory.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE);
        if (in == null) {
          throw new IllegalStateException("The demo users " + DEMO_RESOURCE + " are missing");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          users = index(parse(reader));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return users;
    }
    Path path = file.get();
    try {
      FileTime modified = Files.getLastModifiedTime(path);
      long size = Files.size(path);
      if (users == null || !modified.equals(loadedModified) || size != loadedSize) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
          users = index(parse(reader));
        }
        loadedModified = modified;
        loadedSize = size;
      }
      return users;
    } catch (IOException e) {
      users = null;
      throw new UncheckedIOException("Cannot read the users file " + path, e);
    } catch (IllegalArgumentException e) {
      users = null;
      throw new IllegalStateException("The users file " + path + " is invalid: " + e.getMessage());
    }
  }

  private static Map<String, UserAccount> index(List<UserAccount> list) {
    Map<String, UserAccount> byName = new LinkedHashMap<>();
    for (UserAccount user : list) {
      if (byName.putIfAbsent(user.username(), user) != null) {
        throw new IllegalArgumentException("user " + user.username() + " appears twice");
      }
    }
    return Map.copyOf(byName);
  }

  /**
   * Parses a users file.
   *
   * @throws IllegalArgumentException when it is not a JSON array of valid users; the message names
   *     the entry but never a hash
   */
  public static List<UserAccount> parse(Reader reader) {
    JsonArray array;
    try (JsonReader json = Json.createReader(reader)) {
      array = json.readArray();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("not a JSON array of users");
    }
    List<UserAccount> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("entry " + i + " is not an object");
      }
      JsonObject entry = array.getJsonObject(i);
      String username = text(entry, "username", i);
      String hash = text(entry, "password_hash", i);
      if (!PasswordHash.isWellFormed(hash)) {
        throw new IllegalArgumentException(
            "entry "
                + i
                + " ("
                + username
                + "): password_hash is not pbkdf2-sha256$<n>$<salt>$<key>");
      }
      result.add(
          new UserAccount(
              username, hash, strings(entry, "roles", i), strings(entry, "tenants", i)));
    }
    return List.copyOf(result);
  }

  private static String text(JsonObject entry, String key, int i) {
    JsonValue value = entry.get(key);
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      throw new IllegalArgumentException("entry " + i + ": " + key + " must be a non-empty string");
    }
    return s.getString().strip();
  }

  private static List<String> strings(JsonObject entry, String key, int i) {
    JsonValue value = entry.get(key);
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException("entry " + i + ": " + key + " must be an array");
    }
    List<String> list = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s) || s.getString().isBlank()) {
        throw new IllegalArgumentException(
            "entry " + i + ": " + key + " must hold non-empty strings");
      }
      list.add(s.getString().strip());
    }
    return list;
  }
}
