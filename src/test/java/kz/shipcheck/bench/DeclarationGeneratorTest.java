package kz.shipcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.shipcheck.cli.Cli;
import kz.shipcheck.pack.Identifiers;
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
    DeclarationGenerator.Stats stats =
        new DeclarationGenerator(Path.of("rules"), 42).write(600, tmp);
    assertEquals(600, stats.declarations());
    assertTrue(stats.files() < 600, "some files hold several declarations");
    double kbPerDeclaration = stats.bytes() / 1024.0 / stats.declarations();
    assertTrue(
        kbPerDeclaration > 0.6 && kbPerDeclaration < 2.5, "about 1 KB each: " + kbPerDeclaration);

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
    DeclarationGenerator.Stats stats =
        new DeclarationGenerator(Path.of("rules"), 42).perFile(1).write(250, tmp);
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

  @Test
  void writesARegisterThatDeclarationsDrawFrom() throws Exception {
    Path register = tmp.resolve("register.csv");
    DeclarationGenerator generator = new DeclarationGenerator(Path.of("rules"), 42).perFile(1);
    generator.writeRegister(3000, register);

    List<String> lines = Files.readAllLines(register, StandardCharsets.UTF_8);
    assertEquals("registration,name,bin,region,products,listedOn,status,statusSince", lines.get(0));
    assertEquals(3000, lines.size() - 1);
    List<String> sample =
        Files.readAllLines(Path.of("rules/data/register.csv"), StandardCharsets.UTF_8);
    assertEquals(sample, lines.subList(0, sample.size()), "the pack's rows come first, unchanged");
    Set<String> registrations = new HashSet<>();
    int active = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      assertEquals(8, f.length, line);
      assertTrue(registrations.add(f[0]), "duplicate " + f[0]);
      assertTrue(Identifiers.binValid(f[2]), line);
      if (f[0].startsWith("KZ-EST-S")) {
        assertTrue(f[1].contains("(synthetic)"), line);
        assertTrue(LocalDate.parse(f[5]).isBefore(LocalDate.of(2025, 1, 1)), line);
        int products = f[4].split(";").length;
        assertTrue(products >= 1 && products <= 3, line);
        active += f[6].equals("active") ? 1 : 0;
      }
    }
    double activeShare = active / (double) (3000 - (sample.size() - 1));
    assertTrue(activeShare > 0.94 && activeShare < 0.995, "active " + activeShare);
    ReferenceData ref =
        ReferenceData.load(
            PackFiles.fromDirectory(Path.of("rules")),
            register.toString(),
            Files.readAllBytes(register));
    assertEquals(3000, ref.register().size());

    // the same mix of outcomes with the big register as with the pack's sample
    Path big = tmp.resolve("big");
    generator.write(300, big);
    Path small = tmp.resolve("small");
    new DeclarationGenerator(Path.of("rules"), 42).perFile(1).write(300, small);
    Set<String> used = new HashSet<>();
    Pattern establishment = Pattern.compile("(?m)^    establishment: (\\S+)$");
    for (Path f : files(big)) {
      establishment
          .matcher(Files.readString(f, StandardCharsets.UTF_8))
          .results()
          .forEach(m -> used.add(m.group(1)));
    }
    assertTrue(
        used.stream().filter(e -> e.startsWith("KZ-EST-S")).count() > 200,
        "look-ups spread over the synthetic rows: " + used.size() + " establishments");
    double withBig =
        passRate(
            Cli.run(
                "check",
                big.toString(),
                "--register",
                register.toString(),
                "--format",
                "jsonl",
                "--quiet"),
            300);
    double withSample =
        passRate(Cli.run("check", small.toString(), "--format", "jsonl", "--quiet"), 300);
    assertTrue(withBig > 0.6 && withBig < 0.8, "passed with the big register " + withBig);
    assertTrue(
        Math.abs(withBig - withSample) < 0.08,
        withBig + " with the big register, " + withSample + " without");
  }

  private static double passRate(Cli.Run run, int declarations) throws Exception {
    assertEquals(1, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(declarations, lines.size());
    ObjectMapper json = new ObjectMapper();
    int passed = 0;
    for (String line : lines) {
      passed += json.readTree(line).get("outcome").asText().equals("pass") ? 1 : 0;
    }
    return passed / (double) declarations;
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).toList();
    }
  }
}
