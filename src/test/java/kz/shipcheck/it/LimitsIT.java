package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input limits hold end to end, on the packaged jar with the default limits, a 256 MB heap and
 * the JVM's default thread stack: every hostile file ends as one invalid result naming its limit,
 * SnakeYAML's own failures included, and the good file beside them still passes. A heap this small
 * is the memory bound: expanding any of these inputs would not fit in it.
 */
class LimitsIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static void write(Path file, String head, String repeated, long times, String tail)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(head);
      for (long i = 0; i < times; i++) {
        w.write(repeated);
      }
      w.write(tail);
    }
  }

  /** Runs the jar on the folder, the given file also on standard input; returns results by file. */
  private Map<String, JsonNode> check(Path folder, Path stdin) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ReportFaultsIT.JAVA,
                "-Xmx256m",
                "-XX:-UsePerfData",
                "-jar",
                PackagedJarIT.JAR.toString(),
                "check",
                "--no-cache",
                "--format",
                "jsonl",
                folder.toString(),
                "-"));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectInput(stdin.toFile())
            .redirectOutput(dir.resolve("out.jsonl").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the check did not finish");
    String err = Files.readString(dir.resolve("err.txt"));
    assertEquals(1, p.exitValue(), err);
    assertFalse(err.contains("error:"), err);
    Map<String, JsonNode> byFile = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("out.jsonl"))) {
      JsonNode r = JSON.readTree(line);
      byFile.merge(
          Path.of(r.get("file").asText()).getFileName() + "#" + r.get("document").asInt(),
          r,
          (a, b) -> a);
    }
    return byFile;
  }

  private static void assertInvalid(
      Map<String, JsonNode> results, String key, String rule, String text) {
    JsonNode r = results.get(key);
    assertTrue(r != null, key + " has no result: " + results.keySet());
    assertEquals("invalid", r.get("outcome").asText(), r.toString());
    assertEquals(1, r.get("findings").size(), r.toString());
    JsonNode f = r.get("findings").get(0);
    assertEquals(rule, f.get("rule").asText(), r.toString());
    assertTrue(f.get("message").asText().contains(text), r.toString());
    assertTrue(f.get("line").asInt() >= 1 && f.get("column").asInt() >= 1, r.toString());
  }

  @Test
  void hostileFilesEndAsInvalidResultsAndTheBatchCarriesOn() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    // 50 MB on one line: over the file limit, not read at all (and read only up to it from stdin)
    Path fifty = dir.resolve("fifty.yaml");
    write(fifty, "id: ", "x".repeat(1024), 50 * 1024, "\n");
    Files.copy(fifty, in.resolve("a-fifty-mb-line.yaml"));
    // 12 MB on one line: under the file limit, over the line length (SnakeYAML would take a minute)
    write(in.resolve("b-twelve-mb-line.yaml"), "id: \"", "x".repeat(1024), 12 * 1024, "\"\n");
    // 12 MB over 150,000 lines of one block value: read in linear time, over the value length
    write(
        in.resolve("b-twelve-mb-value.yaml"), "id: |\n", "  " + "x".repeat(78) + "\n", 150_000, "");
    // 100,000 levels of flow lists
    write(in.resolve("c-deep-flow.yaml"), "", "[", 100_000, "\n");
    // 2,000 levels of block mappings
    try (Writer w = Files.newBufferedWriter(in.resolve("d-deep-block.yaml"))) {
      for (int i = 0; i < 2000; i++) {
        w.write(" ".repeat(i) + "k:\n");
      }
    }
    // billion laughs: expanded, 9^9 strings
    StringBuilder laughs = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      laughs
          .append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + (char) (c - 1))))
          .append("]\n");
    }
    Files.writeString(in.resolve("e-laughs.yaml"), laughs);
    // 15 MB on one line
    write(in.resolve("f-long-line.yaml"), "id: [", "1, 1, ", 2_500_000, "1]\n");
    // 15 MB of values, twenty to a line
    write(
        in.resolve("f-many-values.yaml"),
        "id: [\n",
        "1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,\n",
        250_000,
        "1]\n");
    // 15 MB of one-line items in one declaration: 800,000 items
    write(
        in.resolve("g-many-items.yaml"),
        "id: X\nshipDate: 2025-11-12\nexporter: {name: E, bin: \"190640005554\"}\nitems:\n",
        "- {product: pork}\n",
        800_000,
        "");
    // 20,000 documents, over the limit of 10,000 per file
    write(in.resolve("h-many-documents.yaml"), "", "--- {id: D}\n", 20_000, "");
    // a control character SnakeYAML's reader refuses, deep in a value
    Files.writeString(in.resolve("i-control.yaml"), "id: KZ\u0007-1\n");
    Files.copy(Path.of("src/test/resources/cli/pork-pass.yaml"), in.resolve("z-good.yaml"));

    Map<String, JsonNode> results = check(in, fifty);
    assertInvalid(
        results,
        "a-fifty-mb-line.yaml#1",
        "INPUT-LIMIT",
        "the file is 50.0 MB, over the limit of 16 MB (--max-file-mb)");
    assertInvalid(
        results,
        "-#1",
        "INPUT-LIMIT",
        "the input is larger than the limit of 16 MB (--max-file-mb)");
    assertInvalid(
        results,
        "b-twelve-mb-line.yaml#1",
        "INPUT-LIMIT",
        "a line of 12582918 characters exceeds the limit of 262144 (--max-line-chars)");
    assertInvalid(
        results,
        "b-twelve-mb-value.yaml#1",
        "INPUT-LIMIT",
        "a value of 11850000 characters exceeds the limit of 65536");
    assertInvalid(
        results,
        "c-deep-flow.yaml#1",
        "INPUT-LIMIT",
        "nesting deeper than 16 levels (--max-depth)");
    assertInvalid(
        results,
        "d-deep-block.yaml#1",
        "INPUT-LIMIT",
        "nesting deeper than 16 levels (--max-depth)");
    assertInvalid(results, "e-laughs.yaml#1", "INPUT-ALIAS", "alias '*a' is not allowed");
    assertInvalid(
        results,
        "f-long-line.yaml#1",
        "INPUT-LIMIT",
        "exceeds the limit of 262144 (--max-line-chars)");
    assertInvalid(
        results,
        "f-many-values.yaml#1",
        "INPUT-LIMIT",
        "more than 10000 values in one document (--max-values)");
    assertInvalid(
        results,
        "g-many-items.yaml#1",
        "INPUT-LIMIT",
        "more than 10000 values in one document (--max-values)");
    assertInvalid(
        results,
        "h-many-documents.yaml#10001",
        "INPUT-LIMIT",
        "10000 more documents beyond the limit of 10000 per file were not checked (--max-documents)");
    assertFalse(
        results.containsKey("h-many-documents.yaml#10002"),
        "one result for all documents beyond the limit");
    assertInvalid(results, "i-control.yaml#1", "INPUT-SYNTAX", "control character U+0007");
    assertEquals(
        "pass",
        results.get("z-good.yaml#1").get("outcome").asText(),
        results.get("z-good.yaml#1").toString());
  }

  @Test
  void aFileOfManyFindingsStreamsThroughASmallHeap() throws Exception {
    // 40 declarations of 4,900 one-line items each: within every limit, 1.5 million findings.
    // Held all at once they need several GB; streamed a chunk at a time they fit in 256 MB.
    Path file = dir.resolve("findings.yaml");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int d = 0; d < 40; d++) {
        w.write(
            "---\nid: MANY-"
                + d
                + "\nshipDate: 2025-09-15\nexporter: {name: X, bin: \"150340518508\"}\nitems:\n");
        w.write("- {product: wheat}\n".repeat(4900));
      }
    }
    List<String> cmd =
        List.of(
            ReportFaultsIT.JAVA,
            "-Xmx256m",
            "-XX:-UsePerfData",
            "-jar",
            PackagedJarIT.JAR.toString(),
            "check",
            "--no-cache",
            "--format",
            "jsonl",
            "--output",
            dir.resolve("out.jsonl").toString(),
            file.toString());
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the check did not finish");
    String err = Files.readString(dir.resolve("err.txt"));
    assertEquals(1, p.exitValue(), err);
    assertFalse(err.contains("error:"), err);
    try (var lines = Files.lines(dir.resolve("out.jsonl"))) {
      assertEquals(40, lines.filter(l -> l.contains("\"outcome\":\"fail\"")).count());
    }
  }

  @Test
  void theLimitsCanBeRaised() throws Exception {
    Path file = dir.resolve("deep.yaml");
    Files.writeString(file, "id: " + "[".repeat(20) + "]".repeat(20) + "\n");
    List<String> cmd =
        List.of(
            ReportFaultsIT.JAVA,
            "-XX:-UsePerfData",
            "-jar",
            PackagedJarIT.JAR.toString(),
            "check",
            "--max-depth",
            "32",
            "--max-values",
            "100",
            "--max-value-chars",
            "100",
            "--max-line-chars",
            "100",
            "--max-file-mb",
            "1",
            "--max-documents",
            "1",
            "--format",
            "jsonl",
            file.toString());
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.jsonl").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    JsonNode r = JSON.readTree(Files.readString(dir.resolve("out.jsonl")));
    // read now, and refused for what it is: a list where the id belongs
    List<String> rules = new ArrayList<>();
    r.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertTrue(rules.contains("INPUT-TYPE") && !rules.contains("INPUT-LIMIT"), r.toString());
  }
}
