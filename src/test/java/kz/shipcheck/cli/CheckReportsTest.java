package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code check --report FORMAT=FILE}: several reports from one run, each written atomically. */
class CheckReportsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String FIXTURES = "rules/tests";

  @TempDir Path tmp;

  private String file(String name) {
    return tmp.resolve(name).toString();
  }

  @Test
  void severalReportsFromOneRun() throws Exception {
    Cli.Run run =
        Cli.run(
            "check",
            FIXTURES,
            "--format",
            "json",
            "--report",
            "jsonl=" + file("r.jsonl"),
            "--report",
            "csv=" + file("r.csv"),
            "--report",
            "junit=" + file("r.xml"),
            "--report",
            "sarif=" + file("r.sarif"),
            "--report",
            "github=" + file("r.github"),
            "--report",
            "html=" + file("r.html"),
            "--report",
            "text=" + file("r.txt"),
            "--report",
            "json=" + file("r.json"));
    assertEquals(1, run.code(), run.err());
    JsonNode json = JSON.readTree(run.out());
    long declarations = json.at("/summary/declarations").asLong();
    assertTrue(declarations >= 20, run.out());
    assertEquals(run.out(), Files.readString(tmp.resolve("r.json")), "the same report twice");
    assertEquals(declarations, Files.readAllLines(tmp.resolve("r.jsonl")).size());
    Document junit =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(tmp.resolve("r.xml").toFile());
    assertEquals(declarations, junit.getElementsByTagName("testcase").getLength());
    assertEquals(String.valueOf(declarations), junit.getDocumentElement().getAttribute("tests"));
    assertEquals(
        String.valueOf(json.at("/summary/failed").asLong() + json.at("/summary/invalid").asLong()),
        junit.getDocumentElement().getAttribute("failures"));
    long findings = 0;
    for (JsonNode r : json.get("results")) {
      findings += Math.max(1, r.get("findings").size());
    }
    assertEquals(
        findings + 2,
        Files.readAllLines(tmp.resolve("r.csv")).size(),
        "header + a row per finding + the closing row naming the pack");
    assertEquals("2.1.0", JSON.readTree(tmp.resolve("r.sarif").toFile()).get("version").asText());
    assertTrue(Files.readString(tmp.resolve("r.github")).startsWith("::error file=rules/tests/"));
    assertTrue(Files.readString(tmp.resolve("r.html")).contains("<h1>shipcheck report</h1>"));
    assertTrue(Files.readString(tmp.resolve("r.txt")).contains("declarations: "));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(8, left.count(), "eight reports, no temporary file left behind");
    }
  }

  @Test
  void reportFilesAreReadableByOthers() throws IOException {
    Cli.Run run =
        Cli.run(
            "check",
            FIXTURES,
            "--quiet",
            "--output",
            file("out.txt"),
            "--report",
            "csv=" + file("r.csv"));
    assertEquals(1, run.code(), run.err());
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("r.csv"))));
    assertEquals("", run.out(), "the report went to --output");
  }

  @Test
  void aTargetThatCannotBeWrittenFailsAloneAndTheOthersAreWritten() throws IOException {
    Files.createDirectory(tmp.resolve("a-folder"));
    Cli.Run run =
        Cli.run(
            "check",
            FIXTURES,
            "--format",
            "csv",
            "--output",
            file("main.csv"),
            "--report",
            "junit=" + file("no/such/folder/r.xml"),
            "--report",
            "sarif=" + file("a-folder"),
            "--report",
            "html=" + file("r.html"));
    assertEquals(2, run.code(), run.err());
    assertTrue(
        run.err()
            .contains("error: --report junit=" + file("no/such/folder/r.xml") + ": cannot write "),
        run.err());
    assertTrue(
        run.err().contains("error: --report sarif=" + file("a-folder") + ": cannot write ")
            && run.err().contains("it is a folder"),
        run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertTrue(
        Files.readString(tmp.resolve("main.csv")).startsWith("file,document,declaration,outcome,"));
    assertTrue(Files.readString(tmp.resolve("r.html")).endsWith("</html>\n"));
    assertTrue(Files.isDirectory(tmp.resolve("a-folder")));
  }

  @Test
  void whenNoReportCanBeWrittenNothingRuns() {
    Cli.Run run = Cli.run("check", FIXTURES, "--output", file("missing/out.json"));
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("error: --output: cannot write "), run.err());
    assertFalse(
        run.err().contains("declarations"), "no summary: nothing was checked\n" + run.err());
  }

  @Test
  void badReportOptionsAreUsageErrors() {
    for (List<String> args :
        List.of(
            List.of("--report", "sarif"),
            List.of("--report", "=x.sarif"),
            List.of("--report", "sarif="),
            List.of("--report", "pdf=x.pdf"),
            List.of("--format", "pdf"),
            List.of("--output", file("same"), "--report", "json=" + file("same")))) {
      String[] all =
          Stream.concat(Stream.of("check", FIXTURES), args.stream()).toArray(String[]::new);
      Cli.Run run = Cli.run(all);
      assertEquals(2, run.code(), args + ": " + run.err());
      assertTrue(run.err().startsWith("error: "), run.err());
    }
    Cli.Run run = Cli.run("check", FIXTURES, "--format", "pdf");
    assertTrue(run.err().contains("text, json, jsonl, csv, junit, sarif, github, html"), run.err());
  }

  @Test
  void helpNamesEveryFormat() {
    String help = Cli.run("check", "--help").out().replaceAll("\\s+", " ");
    assertTrue(
        help.contains("report format: text, json, jsonl, csv, junit, sarif, github, html"), help);
    assertTrue(help.contains("--report=FORMAT=FILE also write a report in FORMAT to FILE"), help);
  }

  @Test
  void anInterruptedRunLeavesThePreviousReportsAndNoTemporaryFile(@TempDir Path packDir)
      throws IOException {
    Path pack = TestPacks.withRule(packDir, TestPacks.BROKEN_RULE);
    Files.writeString(tmp.resolve("out.json"), "previous report\n", StandardCharsets.UTF_8);
    Cli.Run run =
        Cli.run(
            "check",
            FIXTURES,
            "--rules",
            pack.toString(),
            "--format",
            "json",
            "--output",
            file("out.json"),
            "--report",
            "html=" + file("new.html"));
    assertEquals(4, run.code(), run.err());
    assertTrue(run.err().startsWith("error: internal error"), run.err());
    assertEquals("previous report\n", Files.readString(tmp.resolve("out.json")));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(
          List.of(tmp.resolve("out.json")), left.toList(), "neither new.html nor a temporary file");
    }
  }
}
