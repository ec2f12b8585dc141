package kz.shipcheck.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.Sources;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.report.Format;
import kz.shipcheck.report.ReportContext;
import kz.shipcheck.report.Reporter;
import kz.shipcheck.report.WaiverNotes;
import kz.shipcheck.result.Summary;
import kz.shipcheck.yaml.InputLimits;

/**
 * The benchmark's no-engine baseline as a whole process: {@code check --format jsonl} with the rule
 * engine replaced by {@link PlainChecks}. Files are found, read, parsed, validated and reported by
 * shipcheck's own code (its reader and jsonl reporter, in {@link BaselinePipeline}, a copy of
 * shipcheck's batch pipeline), so the difference in time between this and {@code shipcheck check}
 * is what the rule engine costs. Drools is never loaded. Exit code 0 whatever the findings.
 *
 * <pre>mvn -Pbench -DskipTests package
 * java -cp target/test-classes:target/shipcheck.jar kz.shipcheck.bench.PlainChecker \
 *     [--jobs N] [--rules DIR] [--register FILE] [--no-rules] PATH...</pre>
 *
 * {@code --no-rules} checks nothing at all: the pipeline's own cost, the limit no checker beats.
 * {@code --rule-ids} prints the ids of the rules it implements, comma-separated, and exits.
 */
public final class PlainChecker {
  private PlainChecker() {}

  public static void main(String[] args) throws Exception {
    int jobs = Runtime.getRuntime().availableProcessors();
    Path rules = null;
    Path register = null;
    boolean none = false;
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jobs" -> jobs = Integer.parseInt(args[++i]);
        case "--rules" -> rules = Path.of(args[++i]);
        case "--register" -> register = Path.of(args[++i]);
        case "--no-rules" -> none = true;
        case "--rule-ids" -> {
          // for the benchmark, which builds a pack of these same rules for shipcheck
          System.out.println(String.join(",", PlainChecks.ruleIds()));
          return;
        }
        default -> {
          if (args[i].startsWith("--")) {
            System.err.println(
                "usage: PlainChecker [--jobs N] [--rules DIR] [--register FILE] [--no-rules] PATH... | --rule-ids");
            System.exit(2);
          }
          paths.add(args[i]);
        }
      }
    }
    check(rules, register, none, jobs, paths, System.out);
  }

  /**
   * Checks {@code paths} as {@code check --format jsonl} would, writing the report to {@code
   * stdout}.
   */
  public static void check(
      Path rules, Path register, boolean none, int jobs, List<String> paths, OutputStream stdout)
      throws Exception {
    PackFiles pack = rules == null ? PackFiles.bundled() : PackFiles.fromDirectory(rules);
    ReferenceData data =
        register == null
            ? ReferenceData.load(pack, null, null)
            : ReferenceData.load(pack, register.toString(), Files.readAllBytes(register));
    BaselinePipeline checker =
        new BaselinePipeline(
            () -> new PlainChecks(data, none),
            new DeclarationReader(InputLimits.defaults(), null),
            jobs);
    Summary summary = new Summary();
    OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
    try (Reporter reporter =
        Format.JSONL.create(out, new ReportContext("plain-java", PlainChecks.RULES))) {
      checker.run(
          new Sources(paths),
          System.in,
          r -> {
            summary.add(r);
            try {
              reporter.result(r);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      reporter.finish(summary, WaiverNotes.NONE);
    }
    out.flush();
  }
}
