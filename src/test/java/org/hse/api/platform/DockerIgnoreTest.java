package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image's build context ({@code docker/Dockerfile}, built from the project root) holds every
 * file the Dockerfile copies, with either builder: BuildKit reads {@code
 * docker/Dockerfile.dockerignore} when there is one and the root's {@code .dockerignore} otherwise,
 * the classic builder only the root's. So the root's file must exist, a file beside the Dockerfile
 * must say the same, and no COPY or ADD source may be excluded by it (an excluded source fails the
 * build: "not found"). Plain parsing of both formats, with the rules of Docker's pattern matcher:
 * the last matching pattern wins, {@code !} lets a path back in, a pattern that matches a parent
 * directory matches everything below it, {@code *} and {@code ?} stay within one path element,
 * {@code **} spans any number.
 */
class DockerIgnoreTest {

  private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
  private static final Path CLASSIC = Path.of(".dockerignore");
  private static final Path BUILDKIT = Path.of("docker", "Dockerfile.dockerignore");

  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

  @Test
  void everyCopySourceOfTheDockerfileGetsIntoTheContextOfBothBuilders() throws IOException {
    List<String> sources = copySources(Files.readString(DOCKERFILE));
    assertFalse(sources.isEmpty(), "no COPY or ADD from the build context in " + DOCKERFILE);
    Path buildKit = Files.exists(BUILDKIT) ? BUILDKIT : CLASSIC;
    Map<String, List<Rule>> builders =
        Map.of(
            "the classic builder (" + CLASSIC + ")",
            rules(readIfThere(CLASSIC)),
            "BuildKit (" + buildKit + ")",
            rules(readIfThere(buildKit)));
    builders.forEach(
        (builder, rules) ->
            sources.forEach(
                source ->
                    assertFalse(
                        excluded(rules, source),
                        DOCKERFILE + " copies " + source + ", which " + builder + " excludes")));
  }

  @Test
  void bothBuildersReadTheSameRules() throws IOException {
    assertTrue(
        Files.exists(CLASSIC),
        CLASSIC + " is missing: the classic builder would send the whole project");
    if (Files.exists(BUILDKIT)) {
      assertEquals(
          patterns(Files.readString(CLASSIC)),
          patterns(Files.readString(BUILDKIT)),
          BUILDKIT + " (BuildKit's) and " + CLASSIC + " (the classic builder's) disagree");
    }
  }

  /** The matcher against the rules that once broke the BuildKit build, and Docker's examples. */
  @Test
  void theMatcherFollowsDockersRules() {
    List<Rule> broken =
        rules(
            "# comment\n*\n!target/incident-actions.war\n!target/payara-micro-*.jar\n"
                + "!server-config/payara/post-boot-commands.asadmin\n");
    assertTrue(excluded(broken, "server-config/payara/pre-boot-commands.asadmin"));
    assertFalse(excluded(broken, "server-config/payara/post-boot-commands.asadmin"));
    assertFalse(excluded(broken, "target/payara-micro-6.2025.10.jar"));
    assertTrue(excluded(broken, "target/incident-actions.jar"));
    assertTrue(excluded(broken, "target/payara-micro/x.jar"));

    List<Rule> docs = rules("target\n**/*.md\n!README*.md\n/tmp?\n*/temp*\n");
    assertTrue(excluded(docs, "target/classes/A.class"), "a parent directory matched");
    assertTrue(excluded(docs, "docs/deep/x.md"));
    assertTrue(excluded(docs, "x.md"), "** spans no element too");
    assertFalse(excluded(docs, "README-secret.md"), "the last matching pattern wins");
    assertTrue(excluded(docs, "tmp1/a"));
    assertFalse(excluded(docs, "tmp12"), "? is one character");
    assertTrue(excluded(docs, "somedir/temporary.txt"));
    assertFalse(excluded(docs, "a/b/temporary.txt"), "* stays within one element");
  }

  @Test
  void theDockerfileParserReadsArgumentsFlagsJsonAndContinuations() {
    String dockerfile =
        "FROM base\nARG V=1.0\nCOPY --chown=app:app a/${V}.jar \\\n"
            + "   # a comment inside the instruction\n  b/$V.txt /opt/\n"
            + "copy [\"c d.txt\", \"/e\"]\nCOPY --from=build /x /y\n"
            + "ADD https://example.com/f.tgz /f\nADD ${W:-w}.tar /\n";
    assertEquals(List.of("a/1.0.jar", "b/1.0.txt", "c d.txt", "w.tar"), copySources(dockerfile));
  }

  /** The file, or nothing (no rules: the whole context) where there is none. */
  private static String readIfThere(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  /** The paths that COPY and ADD take from the build context, ARG defaults substituted. */
  static List<String> copySources(String dockerfile) {
    Map<String, String> args = new HashMap<>();
    List<String> sources = new ArrayList<>();
    for (String instruction : instructions(dockerfile)) {
      String[] keywordAndRest = instruction.split("\\s+", 2);
      String keyword = keywordAndRest[0].toUpperCase();
      String rest = keywordAndRest.length > 1 ? keywordAndRest[1].trim() : "";
      if (keyword.equals("ARG")) {
        String[] nameAndDefault = rest.split("=", 2);
        args.put(nameAndDefault[0], nameAndDefault.length > 1 ? unquote(nameAndDefault[1]) : "");
      } else if (keyword.equals("COPY") || keyword.equals("ADD")) {
        List<String> words = new ArrayList<>(words(rest));
        if (words.removeIf(word -> word.startsWith("--from="))) {
          continue;
        }
        words.removeIf(word -> word.startsWith("--"));
        for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
          if (!source.matches("^(https?|git)://.*|^git@.*|^<<.*")) {
            sources.add(substitute(source, args));
          }
        }
      }
    }
    return sources;
  }

  /** Instructions with continuation lines joined and comment lines dropped. */
  private static List<String> instructions(String dockerfile) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        instructions.add(current.append(trimmed).toString().strip());
        current.setLength(0);
      }
    }
    return instructions;
  }

  private static List<String> words(String rest) {
    List<String> words = new ArrayList<>();
    if (rest.startsWith("[")) {
      Matcher string = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(rest);
      while (string.find()) {
        words.add(string.group(1).replaceAll("\\\\(.)", "$1"));
      }
    } else {
      words.addAll(List.of(rest.split("\\s+")));
    }
    return words;
  }

  private static String substitute(String word, Map<String, String> args) {
    Matcher variable = VARIABLE.matcher(word);
    StringBuilder out = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(1) != null ? variable.group(1) : variable.group(3);
      String value = args.getOrDefault(name, "");
      if (value.isEmpty() && variable.group(2) != null) {
        value = variable.group(2);
      }
      variable.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return variable.appendTail(out).toString();
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /** One line of an ignore file: the pattern as a regular expression, and whether it has a !. */
  record Rule(Pattern pattern, boolean exception) {}

  /** The patterns of an ignore file as Docker reads them: no comments, blanks or leading /. */
  static List<String> patterns(String ignoreFile) {
    List<String> patterns = new ArrayList<>();
    for (String line : ignoreFile.split("\n")) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      pattern = clean((exception ? pattern.substring(1) : pattern).strip());
      patterns.add((exception ? "!" : "") + pattern);
    }
    return patterns;
  }

  static List<Rule> rules(String ignoreFile) {
    return patterns(ignoreFile).stream()
        .map(
            pattern ->
                pattern.startsWith("!")
                    ? new Rule(regex(pattern.substring(1)), true)
                    : new Rule(regex(pattern), false))
        .toList();
  }

  /** Whether the rules keep {@code path} out of the build context: the last match decides. */
  static boolean excluded(List<Rule> rules, String path) {
    String file = clean(path);
    List<String> candidates = new ArrayList<>();
    candidates.add(file);
    for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
      candidates.add(file.substring(0, slash));
    }
    boolean excluded = false;
    for (Rule rule : rules) {
      if (candidates.stream().anyMatch(candidate -> rule.pattern().matcher(candidate).matches())) {
        excluded = !rule.exception();
      }
    }
    return excluded;
  }

  private static String clean(String path) {
    String cleaned = Path.of(path).normalize().toString().replace('\\', '/');
    while (cleaned.startsWith("/")) {
      cleaned = cleaned.substring(1);
    }
    return cleaned.startsWith("./") ? cleaned.substring(2) : cleaned;
  }

  private static Pattern regex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
          i++;
          regex.append("(?:.*/)?");
        } else {
          regex.append(".*");
        }
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int end = pattern.indexOf(']', i + 1);
        String set = pattern.substring(i + 1, end);
        regex.append('[').append(set.startsWith("^") ? set : set.replace("\\", "\\\\")).append(']');
        i = end;
      } else if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
