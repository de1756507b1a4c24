package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the data flowing one way (ARCHITECTURE.md, CONTRIBUTING.md "Layout"): every package of
 * {@code org.hse.api} has a place in {@link #LAYERS}, imports only its own layer and the layers
 * below, and no two packages reach each other, even inside one layer. A package the table does not
 * name fails, so a new package is placed on purpose rather than by accident; so does a name in the
 * table that no package has any more.
 *
 * <p>It reads the main sources, without their comments: the import lines and any fully qualified
 * name of the application's written in the code. A name in a comment (a Javadoc link to the caller,
 * say) is no dependency.
 */
class PackageLayersTest {

  private static final Path SOURCES = Path.of("src/main/java/org/hse/api");

  /**
   * The features, package by feature: {@code {feature}} in {@link #LAYERS} stands for each. A new
   * feature is one name here, with the packages {@code <feature>}, {@code <feature>.boundary},
   * {@code <feature>.control} and {@code <feature>.entity}.
   */
  private static final List<String> FEATURES =
      List.of("incidentaction", "incident", "action", "tenancy");

  /**
   * Every package below {@code org.hse.api}, from the edge down, one layer a line. A package may
   * import the packages of its own line (packages separated by spaces) and of the lines below it.
   */
  private static final List<String> LAYERS =
      List.of(
          // the JAX-RS application and what the application stands on (it lists every resource,
          // the demo data creates entities of every feature)
          "platform",
          "docs",
          "openapi",
          "tokens",
          // each feature's resource and @Stateless boundary (its own package: package-info only)
          "{feature} {feature}.boundary",
          "http",
          "items",
          "query",
          // each feature's resource model, its field table
          "{feature}.control",
          "model",
          "security",
          // the application's meters, whatever the server's metrics library (security counts its
          // refusals through them)
          "metrics",
          "errors",
          // an entity names other features' entities and Audited, and no layer above JPA
          "{feature}.entity",
          "persistence");

  /** A name of the application's: group 1 is the package below {@code org.hse.api}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\borg\\.hse\\.api\\.([a-z]\\w*(?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)");

  /** Each package's layer, 0 at the edge. */
  private static final Map<String, Integer> LAYER = new HashMap<>();

  /** The packages each package uses, with the files that use them: {@code from -> to -> files}. */
  private static final Map<String, Map<String, Set<String>>> USES = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    for (int layer = 0; layer < LAYERS.size(); layer++) {
      for (String name : LAYERS.get(layer).split(" ")) {
        List<String> packages =
            name.contains("{feature}")
                ? FEATURES.stream().map(f -> name.replace("{feature}", f)).toList()
                : List.of(name);
        for (String pkg : packages) {
          if (LAYER.put(pkg, layer) != null) {
            throw new IllegalStateException(pkg + " is in LAYERS twice");
          }
        }
      }
    }
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        Map<String, Set<String>> uses = USES.computeIfAbsent(from, p -> new TreeMap<>());
        Matcher reference = REFERENCE.matcher(withoutComments(Files.readString(file)));
        while (reference.find()) {
          String to = reference.group(1);
          if (!to.equals(from)) {
            uses.computeIfAbsent(to, p -> new TreeSet<>()).add(file.getFileName().toString());
          }
        }
      }
    }
  }

  @Test
  void everyPackageHasItsLayer() {
    Set<String> unplaced = new TreeSet<>(USES.keySet());
    unplaced.removeAll(LAYER.keySet());
    Set<String> gone = new TreeSet<>(LAYER.keySet());
    gone.removeAll(USES.keySet());
    assertAll(
        () ->
            assertEquals(Set.of(), unplaced, "packages missing from LAYERS (a feature: FEATURES)"),
        () -> assertEquals(Set.of(), gone, "names in LAYERS that no package has"));
  }

  @Test
  void noImportRunsBackUp() {
    List<String> upward = new ArrayList<>();
    USES.forEach(
        (from, uses) ->
            uses.forEach(
                (to, files) -> {
                  Integer fromLayer = LAYER.get(from);
                  Integer toLayer = LAYER.get(to);
                  if (fromLayer != null && toLayer != null && toLayer < fromLayer) {
                    upward.add(from + " " + files + " uses " + to);
                  }
                }));
    assertEquals(List.of(), upward);
  }

  /** No cycle, also none inside a layer: the strongly connected components (Tarjan). */
  @Test
  void noPackagesReachEachOther() {
    List<Set<String>> cycles = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    for (String pkg : USES.keySet()) {
      if (!index.containsKey(pkg)) {
        connect(pkg, index, low, stack, cycles);
      }
    }
    List<String> found = new ArrayList<>();
    for (Set<String> cycle : cycles) {
      StringBuilder edges = new StringBuilder(cycle.toString()).append(':');
      for (String from : cycle) {
        USES.get(from)
            .forEach(
                (to, files) -> {
                  if (cycle.contains(to)) {
                    edges
                        .append(' ')
                        .append(from)
                        .append(files)
                        .append(" -> ")
                        .append(to)
                        .append(';');
                  }
                });
      }
      found.add(edges.toString());
    }
    assertEquals(List.of(), found);
  }

  private static void connect(
      String pkg,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      List<Set<String>> cycles) {
    index.put(pkg, index.size());
    low.put(pkg, index.get(pkg));
    stack.push(pkg);
    for (String to : USES.getOrDefault(pkg, Map.of()).keySet()) {
      if (!index.containsKey(to)) {
        connect(to, index, low, stack, cycles);
        low.put(pkg, Math.min(low.get(pkg), low.get(to)));
      } else if (stack.contains(to)) {
        low.put(pkg, Math.min(low.get(pkg), index.get(to)));
      }
    }
    if (low.get(pkg).equals(index.get(pkg))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        component.add(member);
      } while (!member.equals(pkg));
      if (component.size() > 1) {
        cycles.add(component);
      }
    }
  }

  @Test
  void aNameInACommentIsNoDependency() {
    String source = "a /* org.hse.api.x.A */ b // org.hse.api.y.B\n\"// \\\"*/\" org.hse.api.z.C";
    Matcher reference = REFERENCE.matcher(withoutComments(source));
    List<String> found = new ArrayList<>();
    while (reference.find()) {
      found.add(reference.group(1));
    }
    assertEquals(List.of("z"), found);
  }

  /** The source without its comments; string and character literals stay as they are. */
  static String withoutComments(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i);
        i = i < 0 ? source.length() : i;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
        code.append(' ');
      } else if (c == '"' || c == '\'') {
        String quote = c == '"' && source.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
        int end = i + quote.length();
        while (end < source.length() && !source.startsWith(quote, end)) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(source.length(), end + quote.length());
        code.append(source, i, end);
        i = end;
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }
}
