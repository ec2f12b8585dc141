package kz.shipcheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code path may let input choose a Java class: no Jackson default typing or polymorphic type
 * ids, and no SnakeYAML object construction (its own {@code Yaml} loader and constructors). The
 * reader walks tokens; this scan keeps it that way as the code grows.
 */
class NoDefaultTypingTest {
  private static final Path MAIN = Path.of("src/main/java");

  /** What must not appear in the production sources, and why. */
  private static final List<String> FORBIDDEN =
      List.of(
          "activateDefaultTyping", // Jackson: input names the class to build
          "enableDefaultTyping", // the same, before Jackson 2.10
          "@JsonTypeInfo", // polymorphic type ids read from input
          "DefaultTyping.", // ObjectMapper.DefaultTyping.*
          "PolymorphicTypeValidator", // only needed to allow the above
          "org.yaml.snakeyaml.Yaml", // SnakeYAML's loader builds objects from tags
          "org.yaml.snakeyaml.constructor"); // its constructors do the building

  @Test
  void productionCodeNeverLetsInputChooseAClass() throws IOException {
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(MAIN)) {
      for (Path f : all.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files++;
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          for (String bad : FORBIDDEN) {
            if (lines.get(i).contains(bad)) {
              found.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + bad);
            }
          }
        }
      }
    }
    assertTrue(files > 20, "the scan found only " + files + " source files");
    assertEquals(List.of(), found);
  }
}
