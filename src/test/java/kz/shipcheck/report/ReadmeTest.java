package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import kz.shipcheck.cli.Cli;
import org.junit.jupiter.api.Test;

/**
 * The documentation's generated parts stay true: the rule table of docs/rule-pack.md (under {@code
 * <!-- section: rules -->}) is exactly {@code shipcheck rules --format markdown} of the bundled
 * pack, and the table of docs/examples.md lists every example in shipments/ with the verdict {@code
 * shipcheck check} really gives it.
 */
class ReadmeTest {
  static final Path RULE_PACK_DOC = Path.of("docs/rule-pack.md");
  static final Path EXAMPLES_DOC = Path.of("docs/examples.md");
  static final String BEGIN = "<!-- rules:begin -->";
  static final String END = "<!-- rules:end -->";

  /** -Dshipcheck.updateReadme=true rewrites the rule table of docs/rule-pack.md, not failing. */
  static final boolean UPDATE = Boolean.getBoolean("shipcheck.updateReadme");

  private static String section(String readme, String name) {
    int start = readme.indexOf("<!-- section: " + name + " -->");
    assertTrue(start >= 0, "the document needs a " + name + " section");
    int next = readme.indexOf("<!-- section:", start + 1);
    return next < 0 ? readme.substring(start) : readme.substring(start, next);
  }

  @Test
  void ruleTableIsTheCatalogueOfTheBundledPack() throws Exception {
    Cli.Run run = Cli.run("rules", "--format", "markdown");
    assertEquals(0, run.code(), run.err());
    String readme = Files.readString(RULE_PACK_DOC, StandardCharsets.UTF_8);
    String rules = section(readme, "rules");
    assertTrue(
        rules.contains(BEGIN) && rules.contains(END),
        "the rules section needs " + BEGIN + " and " + END + " lines");
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    String current = readme.substring(begin + BEGIN.length(), end).strip();
    String generated = run.out().strip();
    if (current.equals(generated)) {
      return;
    }
    if (UPDATE) {
      Files.writeString(
          RULE_PACK_DOC,
          readme.substring(0, begin + BEGIN.length())
              + "\n"
              + generated
              + "\n"
              + readme.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    fail(
        RULE_PACK_DOC
            + "'s rule table differs from `shipcheck rules --format markdown`. Refresh it with\n"
            + "  mvn -q -B test -Dtest=ReadmeTest -Dshipcheck.updateReadme=true\n"
            + "or paste the output of `target/shipcheck rules --format markdown` between the "
            + BEGIN
            + " and "
            + END
            + " lines.");
  }

  @Test
  void shipmentsTableListsEveryExampleWithItsRealVerdict() throws Exception {
    Map<String, String> claimed = new LinkedHashMap<>();
    for (String line :
        section(Files.readString(EXAMPLES_DOC, StandardCharsets.UTF_8), "shipments").split("\n")) {
      // | [`beef-frozen-pass.yaml`](../shipments/beef-frozen-pass.yaml) | pass | why |
      if (line.startsWith("| [`")) {
        String[] cells = line.split("\\|");
        String file = cells[1].substring(cells[1].indexOf('`') + 1, cells[1].lastIndexOf('`'));
        String link = cells[1].substring(cells[1].indexOf("](") + 2, cells[1].lastIndexOf(')'));
        assertEquals("../shipments/" + file, link, "link of " + file);
        claimed.put(file, cells[2].trim());
      }
    }
    Cli.Run run = Cli.run("check", "--quiet", "--format", "json", "shipments");
    assertEquals(1, run.code(), "the examples include failing ones: " + run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    Map<String, String> actual = new TreeMap<>();
    for (JsonNode r : json.get("results")) {
      boolean warned = false;
      for (JsonNode f : r.get("findings")) {
        warned |= f.get("severity").asText().equals("warning");
      }
      String verdict = r.get("outcome").asText() + (warned ? " (warning)" : "");
      actual.put(Path.of(r.get("file").asText()).getFileName().toString(), verdict);
    }
    assertEquals(
        actual.keySet(),
        new java.util.TreeSet<>(claimed.keySet()),
        "files in the table of " + EXAMPLES_DOC + " vs shipments/");
    for (Map.Entry<String, String> e : actual.entrySet()) {
      assertEquals(
          e.getValue(),
          claimed.get(e.getKey()),
          "verdict claimed in " + EXAMPLES_DOC + " for " + e.getKey());
    }
    // the counts in the text around the table, and in the README's pointer to it
    Map<String, Integer> outcomes = new TreeMap<>();
    actual.values().forEach(v -> outcomes.merge(v.split(" ")[0], 1, Integer::sum));
    String doc = Files.readString(EXAMPLES_DOC, StandardCharsets.UTF_8);
    String counts =
        outcomes.getOrDefault("pass", 0)
            + " pass, "
            + outcomes.getOrDefault("fail", 0)
            + " fail, "
            + outcomes.getOrDefault("invalid", 0)
            + " invalid";
    assertTrue(doc.contains("# " + counts + " (exit 1)"), EXAMPLES_DOC + " says " + counts);
    assertTrue(
        doc.contains("holds " + actual.size() + " realistic declarations"),
        EXAMPLES_DOC + " counts " + actual.size());
    assertTrue(
        Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)
            .contains("the " + actual.size() + " example declarations"),
        "README.md counts " + actual.size());
  }
}
