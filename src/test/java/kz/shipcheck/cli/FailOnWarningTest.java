package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.report.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --fail-on warning}: a declaration with an unwaived warning fails, and says so in every
 * format, in the summary counts and in the exit code. (It printed {@code PASS … 1 passed} and
 * exited 1, so pre-commit showed "Failed" over a PASS line.)
 */
class FailOnWarningTest {
  /** Passes the bundled pack; the extra rule gives it one warning. */
  static final String WARNED = ExitCodesTest.PASSING;

  /** Fails the bundled pack with an error; the extra rule adds a warning. */
  static final String FAILING = ExitCodesTest.FAILING;

  @TempDir static Path packDir;
  static String pack;

  @BeforeAll
  static void packWithAWarningOnEveryDeclaration() throws IOException {
    pack = TestPacks.withRule(packDir, TestPacks.WARNING_RULE).toString();
  }

  static Cli.Run check(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "check";
    args[1] = "--rules";
    args[2] = pack;
    args[3] = "--quiet";
    System.arraycopy(more, 0, args, 4, more.length);
    return Cli.run(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "jsonl", "csv", "junit", "sarif", "github", "html"})
  void aWarnedDeclarationFailsInEveryFormat(String format) {
    String failed =
        switch (format) {
          case "text" -> "FAIL " + WARNED + " FX-ACCESS-PASS-1\n";
          case "json" -> "\"outcome\" : \"fail\"";
          case "jsonl" -> "\"outcome\":\"fail\"";
          case "csv" -> WARNED + ",1,FX-ACCESS-PASS-1,fail,TEST-001,warning,no,";
          case "junit" ->
              "<failure type=\"fail\" message=\"failed: TEST-001\">"
                  + WARNED
                  + ":2:5: warning TEST-001 ";
          case "sarif" -> "\"outcome\": \"fail\"";
          case "github" ->
              "shipcheck: 1 declaration: 0 passed, 1 failed, 0 invalid, 1 warning, 0 waived\n";
          default -> "<span class=\"o fail\">fail</span>";
        };
    String passed =
        switch (format) {
          case "text" -> "PASS " + WARNED + " FX-ACCESS-PASS-1\n";
          case "json" -> "\"outcome\" : \"pass\"";
          case "jsonl" -> "\"outcome\":\"pass\"";
          case "csv" -> WARNED + ",1,FX-ACCESS-PASS-1,pass,TEST-001,warning,no,";
          case "junit" -> "failures=\"0\"";
          case "sarif" -> "\"outcome\": \"pass\"";
          case "github" ->
              "shipcheck: 1 declaration: 1 passed, 0 failed, 0 invalid, 1 warning, 0 waived\n";
          default -> "<span class=\"o pass\">pass</span>";
        };
    Cli.Run strict = check(WARNED, "--fail-on", "warning", "--format", format);
    assertEquals(1, strict.code(), strict.err());
    assertTrue(strict.out().contains(failed), strict.out());
    assertFalse(strict.out().contains(passed), strict.out());

    // the same declaration under the default policy passes, in the same format
    Cli.Run plain = check(WARNED, "--format", format);
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().contains(passed), plain.out());
    assertFalse(plain.out().contains(failed), plain.out());
  }

  @Test
  void theTextSummaryCountsItAsFailedAndNamesTheRule() {
    Cli.Run r = check(WARNED, "--fail-on", "warning");
    assertTrue(
        r.out()
            .contains(
                "\n1 declaration: 0 passed, 1 failed, 0 invalid, 1 warning\nfailing rules: TEST-001 (1)\n"),
        r.out());
    assertFalse(r.out().contains("PASS " + WARNED), r.out());
  }

  @Test
  void theStderrSummaryCountsItAsFailed() {
    Cli.Run r =
        Cli.run("check", "--rules", pack, WARNED, "--fail-on", "warning", "--format", "json");
    assertEquals(1, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "1 declaration: 0 passed, 1 failed, 0 invalid (1 warning, 0 waived)\n"
                    + "most frequent failing rules: TEST-001 1\n"),
        r.err());
  }

  @Test
  void neverJudgesAsErrorAndExitsZero() {
    Cli.Run r = check(WARNED, FAILING, "--fail-on", "never");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("PASS " + WARNED), r.out());
    assertTrue(r.out().contains("FAIL " + FAILING), r.out());
    assertTrue(
        r.out().contains("2 declarations: 1 passed, 1 failed, 0 invalid, 2 warnings\n"), r.out());
  }

  @Test
  void aBadLevelIsRefusedWithTheLevelsAccepted() {
    Cli.Run r = check(WARNED, "--fail-on", "info");
    assertEquals(2, r.code());
    assertEquals("error: --fail-on: must be error, warning or never, found 'info'\n", r.err());
    assertEquals("", r.out());
    // values are spelt as documented: the enum constant's name is not another spelling
    assertEquals(2, check(WARNED, "--fail-on", "WARNING").code());
  }

  @Test
  void helpListsTheLevels() {
    String help = Cli.run("check", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("--fail-on=LEVEL exit 1 on: error, warning, never;"), help);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "csv", "junit"})
  void reportsMatchGoldenFiles(String format) throws IOException, PackException {
    Cli.Run r = check(WARNED, FAILING, "--fail-on", "warning", "--jobs", "2", "--format", format);
    assertEquals(1, r.code(), r.err());
    // the copied pack's sha256 changes with every data correction of the bundled one
    String sha256 = PackFiles.fromDirectory(Path.of(pack)).sha256();
    Golden.assertMatches(
        Path.of("src/test/resources/golden/fail-on-warning/report." + format),
        r.out().replace(sha256, "<sha256>").replace(sha256.substring(0, 12), "<sha256-12>"));
  }
}
