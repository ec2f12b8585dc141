package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every numeric option of {@code check} has a range: a value outside it, or not a number, is one
 * line naming the option and the range, and exit 2 (never an internal error: {@code --max-depth
 * 2147483647} overflowed), and both ends of the range are accepted.
 */
class LimitOptionsTest {
  static final String PASSING = ExitCodesTest.PASSING;

  @ParameterizedTest
  @CsvSource({
    "--max-depth, 4, 256",
    "--max-documents, 1, 1000000000",
    "--max-file-mb, 1, 2047",
    "--max-values, 16, 1000000000",
    "--max-value-chars, 64, 1000000000",
    "--max-line-chars, 80, 1000000000",
    "--jobs, 1, 256",
  })
  void aValueOutsideTheRangeIsAUsageErrorNamingTheRange(String option, long min, long max) {
    String range =
        String.format(
            java.util.Locale.ROOT,
            "%s: must be a whole number from %,d to %,d, found ",
            option,
            min,
            max);
    for (String bad :
        new String[] {
          String.valueOf(min - 1),
          String.valueOf(max + 1),
          "2147483647",
          "2147483648",
          "99999999999999999999",
          "-1",
          "abc",
          "",
          "1.5",
          "1e3",
          "0x10",
          "١٢"
        }) {
      Cli.Run run = Cli.run("check", PASSING, option, bad);
      assertEquals(2, run.code(), option + " " + bad + ": " + run.err());
      assertEquals("error: " + range + "'" + bad + "'\n", run.err(), option + " " + bad);
      assertEquals("", run.out());
    }
    for (long good : new long[] {min, max}) {
      // accepted: the file is checked (at the lowest limits it is invalid, exit 1), nothing else
      Cli.Run run = Cli.run("check", PASSING, option, String.valueOf(good), "--quiet");
      assertTrue(run.code() == 0 || run.code() == 1, option + " " + good + ": " + run.err());
      assertEquals("", run.err(), option + " " + good);
    }
  }

  @Test
  void theDeepestNestingAllowedIsReadWithoutRunningOutOfStack(@TempDir Path dir) throws Exception {
    Path deep = dir.resolve("deep.yaml");
    Files.writeString(deep, "id: X\nitems: " + "[".repeat(255) + "]".repeat(255) + "\n");
    Cli.Run run =
        Cli.run("check", deep.toString(), "--max-depth", "256", "--format", "jsonl", "--quiet");
    assertEquals(1, run.code(), run.err());
    assertFalse(run.out().contains("INPUT-LIMIT"), "within the limit: " + run.out());
    assertTrue(
        run.out().contains("\"outcome\":\"invalid\""),
        "a list of lists is not an item: " + run.out());
  }

  @Test
  void theHelpShowsEachRange() {
    String help = Cli.run("check", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("deepest nesting of a document, 4 to 256 (default: 16)"), help);
    assertTrue(help.contains("worker threads, 1 to 256"), help);
  }
}
