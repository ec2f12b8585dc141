package kz.shipcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.shipcheck.cli.Cli;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's synthetic declarations are realistic: every product, pass and fail mixed. */
class DeclarationGeneratorTest {
  @TempDir Path tmp;

  @Test
  void writesAMixedRealisticBatch() throws Exception {
    DeclarationGenerator.Stats stats = new DeclarationGenerator(Path.of("rules"), 42).write(600, tmp);
    assertEquals(600, stats.declarations());
    assertTrue(stats.files() < 600, "some files hold several declarations");
    double kbPerDeclaration = stats.bytes() / 1024.0 / stats.declarations();
    assertTrue(kbPerDeclaration > 0.6 && kbPerDeclaration < 2.5, "about 1 KB each: " + kbPerDeclaration);

    Set<String> products = new HashSet<>();
    Pattern product = Pattern.compile("(?m)^  - product: (\\S+)$");
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = product.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          products.add(m.group(1));
        }
      }
    }
    ReferenceData ref = ReferenceData.load(PackFiles.fromDirectory(Path.of("rules")), null, null);
    for (Product p : ref.products()) {
      if (p.admitted()) {
        assertTrue(products.contains(p.key()), "no declaration of " + p.key());
      }
    }

    Cli.Run run = Cli.run("check", tmp.toString(), "--format", "jsonl", "--quiet");
    assertEquals(1, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(600, lines.size());
    int passed = 0;
    int failed = 0;
    int invalid = 0;
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode r = json.readTree(line);
      switch (r.get("outcome").asText()) {
        case "pass" -> passed++;
        case "fail" -> failed++;
        default -> invalid++;
      }
    }
    assertTrue(passed > 600 * 0.4, "passed " + passed);
    assertTrue(failed > 600 * 0.15, "failed " + failed);
    assertTrue(invalid >= 1 && invalid < 600 * 0.05, "invalid " + invalid);
  }

  @Test
  void perFileOneWritesOneDeclarationPerFile() throws Exception {
    DeclarationGenerator.Stats stats = new DeclarationGenerator(Path.of("rules"), 42).perFile(1).write(250, tmp);
    assertEquals(250, stats.declarations());
    assertEquals(250, stats.files());
    Pattern id = Pattern.compile("(?m)^id: ");
    Pattern separator = Pattern.compile("(?m)^---");
    List<Path> files = files(tmp);
    assertEquals(250, files.size());
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertEquals(1, id.matcher(text).results().count(), f.toString());
      assertFalse(separator.matcher(text).find(), f.toString());
    }
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).toList();
    }
  }
}
