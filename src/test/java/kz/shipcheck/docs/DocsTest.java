package kz.shipcheck.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.shipcheck.cli.Cli;
import org.junit.jupiter.api.Test;

/**
 * The README is a front door and docs/ is self-contained: the README stays short and keeps the two
 * set-up commands, every relative link of the README and docs/ reaches a file (and a heading, where
 * it names one), no markdown file cites a document that is not in the repository, and the tables of
 * docs/declaration-format.md that restate the format are the format the reader checks.
 */
class DocsTest {
  static final Path README = Path.of("README.md");
  static final Path DOCS = Path.of("docs");
  static final int MAX_README_LINES = 400;

  /** A markdown link's target: [text](target) or [text](target "title"). */
  static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  /** Citations of the project's internal papers, which users of the repository do not have. */
  static final List<String> MISSING_DOCUMENTS =
      List.of("SPEC §", "brief §", "Brief §", "BRIEF", "../shared");

  static List<Path> markdown() throws IOException {
    List<Path> files = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.list(DOCS)) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void theReadmeIsAFrontDoor() throws Exception {
    long lines = read(README).lines().count();
    assertTrue(
        lines <= MAX_README_LINES,
        "README.md has "
            + lines
            + " lines, at most "
            + MAX_README_LINES
            + ": move detail to docs/");
    assertTrue(Files.isDirectory(DOCS) && markdown().size() > 1, "docs/ holds the rest");
  }

  /** A fresh machine with a JDK and Maven needs exactly two commands: build and run, and test. */
  @Test
  void theReadmeKeepsTheTwoSetUpCommands() throws Exception {
    String readme = read(README);
    int start = readme.indexOf("\n## Set-up\n");
    assertTrue(start >= 0, "README.md has a Set-up section");
    Matcher block =
        Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start));
    assertTrue(block.find(), "the Set-up section has an sh block");
    List<String> commands =
        block
            .group(1)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertEquals(
        List.of(
            "mvn -q -B -DskipTests package && target/shipcheck check shipments/", "mvn -B verify"),
        commands);
    assertTrue(
        read(Path.of(".ci/run")).lines().anyMatch(l -> l.strip().equals(commands.get(1))),
        ".ci/run runs the README's test command");
  }

  @Test
  void everyRelativeLinkReachesAFileAndHeading() throws Exception {
    int checked = 0;
    List<String> broken = new ArrayList<>();
    for (Path file : markdown()) {
      String text = withoutCode(read(file));
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("[a-z][a-z0-9+.-]*:.*")) {
          continue; // https:, mailto: — outside the repository
        }
        checked++;
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved =
            path.isEmpty()
                ? file
                : file.getParent() == null ? Path.of(path) : file.getParent().resolve(path);
        if (!Files.exists(resolved.normalize())) {
          broken.add(file + ": " + target + " (no such file)");
        } else if (hash >= 0
            && resolved.toString().endsWith(".md")
            && !anchors(read(resolved.normalize())).contains(target.substring(hash + 1))) {
          broken.add(file + ": " + target + " (no such heading)");
        }
      }
    }
    assertTrue(checked > 20, "relative links checked: " + checked);
    assertEquals(List.of(), broken, "relative links that lead nowhere");
  }

  @Test
  void anchorsAreGitHubs() {
    assertEquals(
        Set.of(
            "ci-a-gate-on-every-change",
            "accepted-exceptions-check---waivers-file",
            "dates-and-time",
            "dates-and-time-1",
            "invalid-fail-and-pass"),
        anchors(
            "## CI: a gate on every change\n### Accepted exceptions: `check --waivers FILE`\n"
                + "## Dates and time\n```\n# not a heading\n```\n## Dates and time\n## `invalid`, `fail` and `pass`\n"));
  }

  @Test
  void noMarkdownFileCitesADocumentOutsideTheRepository() throws Exception {
    List<String> found = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        Path.of("."),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            // build output (benchmark data can be gigabytes) and git's own files hold no docs of
            // ours
            return dir.getFileName().toString().matches("target|\\.git|\\.cifuzz-corpus")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (file.toString().endsWith(".md")) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    assertTrue(files.contains(Path.of("./README.md")), files.toString());
    for (Path file : files) {
      List<String> lines = read(file).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        for (String citation : MISSING_DOCUMENTS) {
          if (lines.get(i).contains(citation)) {
            found.add(file + ":" + (i + 1) + ": " + citation);
          }
        }
      }
    }
    assertEquals(
        List.of(), found, "say it in docs/ instead of citing a paper the reader does not have");
  }

  /**
   * Citations of the internal papers in what ships: the rule pack's data and comments reach users
   * through `explain`, reports and `pack info`, and the code's messages and help through the CLI. A
   * Java string may break a citation over a concatenation ("SPEC" + " §1"), so quotes, pluses and
   * line breaks between the words count for nothing.
   */
  static final List<Pattern> MISSING_DOCUMENT_CITATIONS =
      List.of(
          Pattern.compile("(?i)brief[\\s\"+]*§"),
          Pattern.compile("(?i)\\b(?:the|domain) brief\\b"),
          Pattern.compile("BRIEF"),
          Pattern.compile("SPEC[\\s\"+]*§"),
          Pattern.compile("\\.\\./shared"));

  @Test
  void thePackAndTheCodeCiteNoDocumentOutsideTheRepository() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("pom.xml")));
    for (Path root : List.of(Path.of("rules"), Path.of("src/main"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    assertTrue(
        files.stream().anyMatch(p -> p.endsWith("products.yaml"))
            && files.stream().anyMatch(p -> p.endsWith("Main.java")),
        "rules/ and src/main/ are walked: " + files.size());
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      // a test input may be deliberately malformed; a citation is ASCII and '§', both survive
      // replacement
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      for (Pattern citation : MISSING_DOCUMENT_CITATIONS) {
        Matcher m = citation.matcher(text);
        while (m.find()) {
          long line = 1 + text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
          found.add(file + ":" + line + ": " + m.group().replaceAll("\\s+", " "));
        }
      }
    }
    assertEquals(
        List.of(),
        found,
        "cite the docs/ file or the public source instead of a paper the user does not have");
    for (String cited :
        List.of("see the brief §2", "Brief §7", "BRIEF §6", "SPEC\"\n + \" §1", "../shared/spec")) {
      assertTrue(MISSING_DOCUMENT_CITATIONS.stream().anyMatch(p -> p.matcher(cited).find()), cited);
    }
  }

  /** The field table of docs/declaration-format.md is the format `shipcheck schema` describes. */
  @Test
  void theFieldTableIsTheSchema() throws Exception {
    Cli.Run run = Cli.run("schema");
    assertEquals(0, run.code(), run.err());
    Map<String, String> schema = new LinkedHashMap<>();
    fields(new ObjectMapper().readTree(run.out()), "", schema);
    Map<String, String> documented = new LinkedHashMap<>();
    for (String row : tableRows(read(DOCS.resolve("declaration-format.md")), "fields")) {
      String[] cells = row.split("\\|");
      String required = cells[3].strip();
      documented.put(
          cells[1].strip().replace("`", ""),
          cells[2].strip() + ", " + (required.equals("no") ? "optional" : "required"));
    }
    assertEquals(schema, documented, "field: type, required");
  }

  /** The product table of docs/declaration-format.md is the bundled access list. */
  @Test
  void theProductTableIsTheAccessList() throws Exception {
    Map<String, String> data = new LinkedHashMap<>();
    for (JsonNode p :
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("rules/data/products.yaml").toFile())) {
      String status =
          p.path("scope").asText().equals("outside")
              ? "outside the pack's scope"
              : !p.path("admitted").asBoolean(true)
                  ? "known, not admitted"
                  : "admitted from " + p.get("accessFrom").asText();
      data.put(p.get("key").asText(), p.get("name").asText() + " | " + status);
    }
    Map<String, String> documented = new LinkedHashMap<>();
    for (String row : tableRows(read(DOCS.resolve("declaration-format.md")), "products")) {
      String[] cells = row.split("\\|");
      documented.put(
          cells[1].strip().replace("`", ""), cells[2].strip() + " | " + cells[3].strip());
    }
    assertEquals(data, documented, "key: name | status");
  }

  /** The json report's shape in docs/reports.md has the fields a real report has, in its order. */
  @Test
  void theJsonExampleHasTheReportsFields() throws Exception {
    Matcher m =
        Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
            .matcher(read(DOCS.resolve("reports.md")));
    assertTrue(m.find(), "docs/reports.md shows the json report");
    JsonNode documented = new ObjectMapper().readTree(m.group(1));
    Cli.Run run =
        Cli.run("check", "--quiet", "--format", "json", "shipments/beef-chilled-fail.yaml");
    assertEquals(1, run.code(), run.err());
    JsonNode actual = new ObjectMapper().readTree(run.out());
    for (String at :
        List.of(
            "", "/tool", "/pack", "/summary", "/results/0", "/results/0/findings/0", "/waivers")) {
      assertEquals(
          names(actual.at(at)),
          names(documented.at(at)),
          "fields of " + (at.isEmpty() ? "the report" : at));
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Each path of the JSON Schema with "type, required" in the words of the field table. */
  private static void fields(JsonNode object, String prefix, Map<String, String> out) {
    Set<String> required = new HashSet<>();
    object.path("required").forEach(r -> required.add(r.asText()));
    object
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              String path = prefix + e.getKey();
              JsonNode node = e.getValue();
              out.put(
                  path,
                  type(node) + ", " + (required.contains(e.getKey()) ? "required" : "optional"));
              if (node.has("properties")) {
                fields(node, path + ".", out);
              } else if (node.path("items").has("properties")) {
                String index = path.equals("items") ? "[i]." : "[j].";
                fields(node.get("items"), path + index, out);
              }
            });
  }

  private static String type(JsonNode node) {
    Set<String> types = new HashSet<>();
    if (node.path("type").isArray()) {
      node.get("type").forEach(t -> types.add(t.asText()));
    } else {
      types.add(node.path("type").asText());
    }
    if (types.contains("object")) {
      return "mapping";
    }
    if (types.contains("array")) {
      JsonNode items = node.get("items");
      String of =
          items.has("properties")
              ? "mappings"
              : type(items).equals("whole number") ? "whole numbers" : type(items);
      return "list of " + of + (node.path("minItems").asInt(0) > 0 ? ", at least one" : "");
    }
    if (node.path("format").asText().equals("date")) {
      return "date";
    }
    if (types.contains("string")) {
      return "text";
    }
    if (types.contains("integer")) {
      return "whole number";
    }
    return types.contains("number")
        ? "number"
        : types.contains("boolean") ? "boolean" : types.toString();
  }

  /**
   * The data rows of the table between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}.
   */
  static List<String> tableRows(String text, String name) {
    int begin = text.indexOf("<!-- " + name + ":begin -->");
    int end = text.indexOf("<!-- " + name + ":end -->");
    assertTrue(begin >= 0 && end > begin, name + " markers");
    List<String> rows =
        text.substring(begin, end).lines().filter(l -> l.startsWith("| `")).toList();
    assertTrue(rows.size() > 5, name + " rows: " + rows.size());
    return rows;
  }

  /** The anchors GitHub gives a file's headings (fenced code left out). */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : withoutCode(markdown).lines().toList()) {
      Matcher h = Pattern.compile("^#{1,6} (.*)$").matcher(line);
      if (h.matches()) {
        String slug =
            h.group(1)
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    return anchors;
  }

  /**
   * The text with fenced code blocks blanked, so that a `# comment` or a [x](y) in code counts for
   * nothing.
   */
  static String withoutCode(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean code = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        code = !code;
        out.append('\n');
      } else {
        out.append(code ? "" : line).append('\n');
      }
    }
    return out.toString();
  }
}
