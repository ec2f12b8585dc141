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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command end to end through picocli, with the exit codes of the README. */
class CheckCommandTest {
  static final String PASS = "src/test/resources/cli/pork-pass.yaml";
  static final String FAIL = "src/test/resources/cli/pork-fail.yaml";

  @TempDir Path tmp;

  @Test
  void passingDeclarationExitsZero() {
    Cli.Run r = Cli.run("check", PASS);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("PASS " + PASS + " KZ-CN-2025-000187"), r.out());
    assertTrue(r.out().contains("1 declaration: 1 passed, 0 failed, 0 invalid"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void failingDeclarationExitsOneAndPointsAtTheValue() {
    Cli.Run r = Cli.run("check", FAIL);
    assertEquals(1, r.code());
    assertTrue(
        r.out().contains(FAIL + ":11:11: error ACCESS-003 smoked pork is not on the access list"),
        r.out());
    assertTrue(r.out().contains("FAIL " + FAIL), r.out());
  }

  @Test
  void failOnNeverAlwaysExitsZero() {
    assertEquals(0, Cli.run("check", "--fail-on", "never", FAIL).code());
  }

  @Test
  void asOfJudgesAsIfShippedThatDay() {
    Cli.Run r = Cli.run("check", "--as-of", "2025-10-01", PASS);
    assertEquals(1, r.code());
    assertTrue(
        r.out().contains("ACCESS-002 pork is not on the access list on 2025-10-01"), r.out());
  }

  @Test
  void registerOptionReplacesTheSample() {
    Cli.Run r = Cli.run("check", "--register", "src/test/resources/cli/register-other.csv", PASS);
    assertEquals(1, r.code());
    assertTrue(r.out().contains("REG-002 establishment KZ-EST-0042"), r.out());
  }

  @Test
  void standardInputIsNamedDash() {
    Cli.Run r = Cli.runWithStdin(read(PASS), "check", "-");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("PASS - KZ-CN-2025-000187"), r.out());
  }

  @Test
  void jsonReportHasTheSpecShape() throws IOException {
    Cli.Run r = Cli.run("check", "--format", "json", PASS, FAIL);
    assertEquals(1, r.code());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(1, j.get("formatVersion").asInt());
    assertEquals("shipcheck", j.get("tool").get("name").asText());
    assertEquals(2, j.get("summary").get("declarations").asInt());
    assertEquals(1, j.get("summary").get("failed").asInt());
    JsonNode f = j.get("results").get(1).get("findings").get(0);
    assertEquals("ACCESS-003", f.get("rule").asText());
    assertEquals("items[0].form", f.get("path").asText());
    assertEquals(11, f.get("line").asInt());
    assertEquals(11, f.get("column").asInt());
    assertEquals("fact", f.get("basis").asText());
    assertTrue(j.get("waivers").get("unused").isArray());
  }

  @Test
  void outputIsWrittenToTheFileNotStdout() throws IOException {
    Path out = tmp.resolve("report.json");
    Cli.Run r = Cli.run("check", "--format", "json", "--output", out.toString(), PASS);
    assertEquals(0, r.code());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("\"passed\" : 1"));
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void usageErrorsExitTwo() {
    Cli.Run missing = Cli.run("check", "no/such/file.yaml");
    assertEquals(2, missing.code());
    assertTrue(
        missing.err().startsWith("error: no/such/file.yaml: no such file or folder"),
        missing.err());
    assertEquals(2, Cli.run("check", "--format", "pdf", PASS).code());
    assertEquals(2, Cli.run("check", "--bogus", PASS).code());
    assertEquals(2, Cli.run("check").code());
    assertEquals(2, Cli.run("check", "--as-of", "2025-02-30", PASS).code());
    assertEquals(2, Cli.run("check", "--rules", "no/such/pack", PASS).code());
    assertEquals(2, Cli.run("check", "--register", "no/such.csv", PASS).code());
    assertEquals(
        2, Cli.run("check", "--output", tmp.resolve("no/dir/r.txt").toString(), PASS).code());
    assertEquals(2, Cli.run().code());
  }

  @Test
  void brokenRegisterExitsThreeWithItsPlace() throws IOException {
    Path reg = tmp.resolve("reg.csv");
    Files.writeString(
        reg,
        "registration,name,bin,region,products,listedOn,status,statusSince\n"
            + "KZ-1,A,190640005554,pavlodar,pork,2025-13-01,active,2025-01-01\n");
    Cli.Run r = Cli.run("check", "--register", reg.toString(), PASS);
    assertEquals(3, r.code());
    assertEquals(
        "error: "
            + reg
            + ":2:35: listedOn must be a date (yyyy-mm-dd) that exists, found '2025-13-01'\n",
        r.err());
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Run r = Cli.run("check", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Exit codes:"), r.out());
    for (ExitCode c : ExitCode.values()) {
      String start = c.meaning.substring(0, 30);
      assertTrue(r.out().contains("  " + c.code + "   " + start), c.name() + "\n" + r.out());
    }
    Cli.Run top = Cli.run("--help");
    assertTrue(top.out().contains("not legal advice"), top.out());
  }

  @Test
  void versionIsPrinted() {
    Cli.Run r = Cli.run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("shipcheck "), r.out());
    assertFalse(r.out().contains("${"), r.out());
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
