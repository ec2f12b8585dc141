package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command keeps working: {@code src/bench/bench.sh --quick} runs every row (one file,
 * batch with --jobs 1 and 2 for the whole pack and the baseline's rules, baseline, no rules,
 * register sizes, rules ×5) on small data and prints every table. It asserts nothing about speed —
 * timings belong to the benchmark, not to a test — only that each row ran and that every figure it
 * printed parses: a number, or "not measurable" where a loaded machine made the measurement
 * meaningless (BenchNumbersTest).
 */
class BenchScriptIT {
  /**
   * A figure in a table: digits, with or without thousands separators, and decimals; never a sign.
   */
  static final String NUMBER = "(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?";

  /** A cost in the text: "12.3 µs" or "not measurable". */
  static final String FIGURE = "\\d+\\.\\d µs|not measurable";

  @TempDir Path tmp;

  @Test
  void quickRunPrintsEveryTable() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/time")), "GNU time is not installed");
    Path out = tmp.resolve("bench.md");
    Path err = tmp.resolve("bench.err");
    Process p =
        new ProcessBuilder("bash", "src/bench/bench.sh", "--quick")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "bench.sh --quick did not finish");
    String table = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8) + table);
    // the pack's rule count, as the script counts it: lines that start a rule in the top-level DRL
    // files
    int rules = 0;
    try (var drl = Files.newDirectoryStream(Path.of("rules"), "*.drl")) {
      for (Path f : drl) {
        rules +=
            (int)
                Files.readString(f, StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.startsWith("rule "))
                    .count();
      }
    }
    for (String row :
        List.of(
            "| shipcheck (launcher, the bundled pack's rules built in) |",
            "| shipcheck, a failing declaration (launcher, rules built in) |",
            "| java -version (the JVM alone) |",
            "| plain-Java baseline (same flags, own class-data archive) |",
            "| shipcheck --no-cache (compiles the DRL) |",
            "| the linux-x64 download, unpacked (its own runtime, no system Java) |",
            "| shipcheck, the whole pack (" + rules + " rules) | 1 |",
            "| shipcheck, the baseline's 15 rules | 1 |",
            "| plain-Java baseline (15 rules) | 1 |",
            "| no rules (read + report only) | 1 |",
            "| shipcheck, the whole pack (" + rules + " rules) | 2 |",
            "| shipcheck, the baseline's 15 rules | 2 |",
            "| plain-Java baseline (15 rules) | 2 |",
            "| no rules (read + report only) | 2 |",
            "| 1,000 |",
            "| 3,000 |",
            "| --register register-2600.csv | 2,600 |",
            "| --register register-26000.csv | 26,000 |",
            "| rules/ | " + rules + " |",
            "| every rule written 5 times | " + 5 * rules + " |")) {
      assertTrue(table.contains(row), "missing row " + row + "\n" + table);
    }
    assertEquals(
        1, table.split("\\| 1,000 \\|", -1).length - 1, "one scaling row per size\n" + table);
    // every figure parses; how figures compare is the benchmark's business, never a test's: on a
    // loaded machine a larger batch can finish first, and its cost is then "not measurable"
    for (String ratio :
        List.of(
            "shipcheck / baseline wall time: ",
            "--jobs 2 over --jobs 1: shipcheck ",
            "Same rules, shipcheck's throughput ÷ the baseline's: ",
            "(the baseline's rules: ",
            "(--jobs 2 over --jobs 1: ",
            "(shipcheck ÷ baseline: ",
            "26,000 rows over 2,600: ",
            "5× the rules over 1×: ")) {
      Matcher m =
          Pattern.compile(Pattern.quote(ratio) + "(\\d+\\.\\d\\d×?|not measurable)").matcher(table);
      assertTrue(m.find(), "no ratio after '" + ratio + "'\n" + table);
    }
    Matcher further =
        Pattern.compile(
                "each further declaration costs: shipcheck ("
                    + FIGURE
                    + ") with --jobs 1 and ("
                    + FIGURE
                    + ") with --jobs 2 .*; the baseline ("
                    + FIGURE
                    + ") with --jobs 2")
            .matcher(table);
    assertTrue(further.find(), "the cost of a further declaration\n" + table);
    int rows = 0;
    for (String line : table.lines().toList()) {
      if (line.startsWith("| ")
          && !line.startsWith("| what ")
          && !line.startsWith("| declarations ")
          && !line.startsWith("| register ")
          && !line.startsWith("| rule pack ")) {
        rows++;
        List<String> cells = List.of(line.substring(2, line.length() - 2).split(" \\| "));
        for (String cell : cells.subList(1, cells.size())) {
          assertTrue(cell.matches(NUMBER + "|not measurable"), "'" + cell + "' in " + line);
        }
      }
    }
    assertEquals(
        7 + 8 + 2 + 2 + 2, rows, "one-file, batch, scaling, register and rule-pack rows\n" + table);
    assertFalse(
        table.contains("nan") || table.contains("inf") || table.matches("(?s).*\\s-\\d.*"),
        "no negative number\n" + table);
  }
}
