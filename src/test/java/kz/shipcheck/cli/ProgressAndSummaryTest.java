package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code check} prints on stderr: progress on a terminal only, and the closing summary. */
class ProgressAndSummaryTest {
  static final String FIXTURES = "rules/tests";

  @Test
  void progressIsDrawnOnATerminalAndErasedAndNeverReachesTheReport() {
    Cli.Run run = Cli.runOnTerminal("check", FIXTURES, "--format", "jsonl");
    assertEquals(1, run.code());
    assertTrue(run.err().startsWith("\r"), run.err());
    assertTrue(run.err().contains("declarations"), run.err());
    assertTrue(run.err().contains("\r\u001b[K"), "the line is erased at the end");
    assertFalse(run.out().contains("\r") || run.out().contains("\u001b"), run.out());
    assertFalse(run.out().contains(" passed, "), "no summary in the report");
  }

  @Test
  void noProgressOverAReportScrollingOnTheSameTerminal(@TempDir Path tmp) {
    Cli.Run run = Cli.runAllOnTerminal("check", FIXTURES, "--format", "jsonl");
    assertFalse(run.err().contains("\r") || run.err().contains("\u001b"), run.err());
    assertTrue(run.err().contains(" passed, "), "the summary still comes");
    Cli.Run toFile =
        Cli.runAllOnTerminal(
            "check", FIXTURES, "--format", "jsonl", "--output", tmp.resolve("r.jsonl").toString());
    assertTrue(toFile.err().startsWith("\r"), "with --output the terminal is free for progress");
  }

  @Test
  void noProgressWhenStderrIsNoTerminalOrWithQuiet() {
    Cli.Run piped = Cli.run("check", FIXTURES, "--format", "jsonl");
    assertFalse(piped.err().contains("\r") || piped.err().contains("\u001b"), piped.err());
    Cli.Run quiet = Cli.runOnTerminal("check", FIXTURES, "--format", "jsonl", "--quiet");
    assertEquals("", quiet.err());
  }

  @Test
  void theSummaryGoesToStderr() {
    Cli.Run run = Cli.run("check", FIXTURES, "--format", "jsonl");
    String err = run.err();
    assertTrue(
        err.matches(
            "(?s)\\d+ declarations: \\d+ passed, \\d+ failed, \\d+ invalid( \\([^)]*\\))?\n.*"),
        err);
    // the fixtures grow with the pack: check the shape, not the counts
    assertTrue(err.matches("(?s).*\nmost frequent failing rules: [A-Z]+-[A-Z0-9-]+ \\d+, .*"), err);
    assertTrue(err.matches("(?s).*\nfailed declarations by product: [a-z-]+ \\d+.*"), err);
    assertTrue(err.matches("(?s).*\nfailed declarations by border crossing: [a-z-]+ \\d+.*"), err);
    assertTrue(
        err.matches("(?s).*\ndeclared value: [0-9,]+ USD \\(at the rule pack's rates.*"), err);
    for (String line : run.out().split("\n")) {
      assertTrue(line.startsWith("{\"file\":"), "only results on stdout: " + line);
    }
  }

  @Test
  void theSummaryConvertsCurrencies() {
    String decl =
        """
        id: KZ-CN-2025-000001
        shipDate: 2025-09-15
        exporter: {name: Kostanay Grain Terminal LLP, bin: "150340518508"}
        consignee: {name: Urumqi Grain Import Co., country: CN}
        transport: {mode: rail, borderCrossing: dostyk-alashankou}
        items:
          - {product: wheat, hsCode: "1001.99", form: grain, originRegion: kostanay, establishment: KZ-EST-0101,
             value: {amount: 1000000, currency: KZT}}
          - {product: barley, hsCode: "1003.90", form: grain, originRegion: kostanay, establishment: KZ-EST-0101,
             value: {amount: 10000, currency: CNY}}
        """;
    Cli.Run run = Cli.runWithStdin(decl, "check", "-", "--format", "jsonl");
    // 1,000,000 KZT x 0.00198 + 10,000 CNY x 0.1398 = 1,980 + 1,398
    assertTrue(run.err().contains("declared value: 3,378 USD"), run.err());
  }

  @Test
  void progressLine() {
    AtomicLong now = new AtomicLong(0);
    Progress p =
        new Progress(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), now::get);
    for (int i = 1; i <= 300; i++) {
      p.result(
          new DeclarationResult(
              "f" + (i / 3),
              i % 3 + 1,
              null,
              Outcome.PASS,
              List.of(),
              DeclarationResult.Facts.NONE));
    }
    now.set(2_000_000_000L);
    assertEquals("300 declarations  150/s  0:02 so far", p.line(now.get()));
    p.total(400);
    assertEquals(
        "[#####               ]  25%  100/400 files  300 declarations  150/s  0:06 left",
        p.line(now.get()));
    assertEquals("1:01:01", Progress.clockTime(3661));
  }
}
