package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes of {@code check} (README, "Exit codes") under each {@code --fail-on}. */
class ExitCodesTest {
  static final String PASSING = "rules/tests/access/pass-wheat.yaml";
  static final String FAILING = "rules/tests/access/fail-hs.yaml";

  @Test
  void passingDeclarationsExitZero() {
    assertEquals(0, Cli.run("check", PASSING).code());
  }

  @Test
  void failingDeclarationsExitOneUnlessFailOnNever() {
    assertEquals(1, Cli.run("check", FAILING).code());
    assertEquals(1, Cli.run("check", FAILING, "--fail-on", "warning").code());
    assertEquals(0, Cli.run("check", FAILING, "--fail-on", "never").code());
  }

  @Test
  void invalidDeclarationsExitOne() {
    assertEquals(1, Cli.run("check", "rules/tests/input/not-utf8.yaml").code());
  }

  @Test
  void warningsFailOnlyUnderFailOnWarning(@TempDir Path dir) throws IOException {
    String pack = TestPacks.withRule(dir, TestPacks.WARNING_RULE).toString();
    Cli.Run plain = Cli.run("check", PASSING, "--rules", pack);
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().contains("warning TEST-001 a warning on FX-ACCESS-PASS-1"), plain.out());
    assertTrue(plain.out().contains("PASS "), "a warning does not fail the declaration");

    Cli.Run strict =
        Cli.run("check", PASSING, "--rules", pack, "--fail-on", "warning", "--format", "github");
    assertEquals(1, strict.code(), strict.err());
    assertTrue(
        strict.out().startsWith("::warning file=" + PASSING + ",line=2,col=5,title=TEST-001::"),
        strict.out());

    assertEquals(0, Cli.run("check", PASSING, "--rules", pack, "--fail-on", "never").code());
    assertEquals(0, Cli.run("check", PASSING, "--rules", pack, "--fail-on", "error").code());
  }

  @Test
  void badFailOnIsAUsageError() {
    Cli.Run run = Cli.run("check", PASSING, "--fail-on", "info");
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("error: --fail-on: "), run.err());
  }
}
