package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shared core's data flowing one way (ARCHITECTURE.md): each package imports only the
 * packages below it, so that no arrow runs back up from the queries, the model or the caller-side
 * security to the boundary or the HTTP edge. Reads the main sources' import lines.
 */
class PackageLayersTest {

  private static final Path SOURCES = Path.of("src/main/java/org/hse/api");

  /** Which packages of {@code org.hse.api} each core package may import, besides its own. */
  private static final Map<String, Set<String>> MAY_IMPORT =
      Map.of(
          "errors", Set.of(),
          "persistence", Set.of(),
          "model", Set.of("errors", "persistence"),
          "query", Set.of("errors", "persistence", "model", "security"),
          "items", Set.of("errors", "persistence", "model", "query", "security"),
          "http", Set.of("errors", "persistence", "model", "query", "items", "security"),
          "security", Set.of("errors"),
          "tokens", Set.of("errors", "platform"));

  /** An import of the application's own: group 1 is the package below {@code org.hse.api}. */
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?org\\.hse\\.api\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);

  @Test
  void noImportRunsBackUp() throws IOException {
    List<String> upward = new ArrayList<>();
    for (Map.Entry<String, Set<String>> layer : MAY_IMPORT.entrySet()) {
      try (Stream<Path> files = Files.list(SOURCES.resolve(layer.getKey()))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher imported = IMPORT.matcher(Files.readString(file));
          while (imported.find()) {
            String target = imported.group(1).split("\\.")[0];
            if (!target.equals(layer.getKey()) && !layer.getValue().contains(target)) {
              upward.add(layer.getKey() + "/" + file.getFileName() + " imports " + target);
            }
          }
        }
      }
    }
    assertEquals(List.of(), upward);
  }

  /** An entity names other features' entities and {@code Audited}, and no layer above JPA. */
  @Test
  void everyEntityStandsOnPersistenceAlone() throws IOException {
    List<String> upward = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file :
          files
              .filter(f -> f.getParent().endsWith("entity") && f.toString().endsWith(".java"))
              .toList()) {
        Matcher imported = IMPORT.matcher(Files.readString(file));
        while (imported.find()) {
          String target = imported.group(1);
          if (!target.equals("persistence") && !target.matches("\\w+\\.entity")) {
            upward.add(SOURCES.relativize(file) + " imports " + target);
          }
        }
      }
    }
    assertEquals(List.of(), upward);
  }
}
