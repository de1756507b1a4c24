package org.hse.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JAX-RS application lists exactly the classes of the main sources that carry {@code @Path} or
 * {@code @Provider} on the class: a resource or provider left out would answer 404 or not run,
 * since the application's list replaces the container's scan.
 */
class RestApplicationTest {

  private static final Path SOURCES = Path.of("src/main/java");

  /** A class-level JAX-RS annotation: at the start of a line, before the class declaration. */
  private static final Pattern JAX_RS = Pattern.compile("^@(Path|Provider)\\b", Pattern.MULTILINE);

  @Test
  void listsEveryResourceAndProviderOfTheSources() throws IOException {
    Set<String> annotated;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      annotated =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> JAX_RS.matcher(read(file)).find())
              .map(file -> SOURCES.relativize(file).toString().replace('/', '.'))
              .map(name -> name.substring(0, name.length() - ".java".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> listed =
        new RestApplication()
            .getClasses().stream()
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(annotated, listed);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
