package kz.shipcheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.report.Format;
import kz.shipcheck.report.ReportTargets;
import picocli.CommandLine.Option;

/** {@code check}'s report options: the main report and any number of further ones. */
final class ReportOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = OptionTypes.ReportFormat.class,
      completionCandidates = OptionTypes.ReportFormat.class,
      description = "report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "write the report to FILE (atomically) instead of stdout")
  Path output;

  @Option(
      names = "--report",
      paramLabel = "FORMAT=FILE",
      converter = OptionTypes.ReportTarget.class,
      description =
          "also write a report in FORMAT to FILE (atomically); repeatable, e.g. --report sarif=r.sarif")
  List<ReportTargets.Spec> reports = new ArrayList<>();

  /** Every report the options ask for, the main one ({@code --format}, {@code --output}) first. */
  List<ReportTargets.Spec> specs() {
    List<ReportTargets.Spec> specs = new ArrayList<>();
    specs.add(new ReportTargets.Spec(format, output, "--output"));
    specs.addAll(reports);
    return specs;
  }
}
