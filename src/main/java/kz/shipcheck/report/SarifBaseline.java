package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Summary;

/**
 * A SARIF report of a run compared with a baseline run (the same declarations under the old pack):
 * each result carries {@code baselineState} {@code new} or {@code unchanged}, and each finding that
 * went is a result with state {@code absent}, so a code-scanning view shows what a new pack
 * changes.
 */
public final class SarifBaseline {
  private SarifBaseline() {}

  /**
   * @param added the findings of {@code results} that the baseline did not have (by identity)
   * @param absent per result of this run, the baseline's findings it no longer has
   */
  public static void write(
      OutputStream out,
      ReportContext context,
      List<DeclarationResult> results,
      Set<Finding> added,
      Map<DeclarationResult, List<Finding>> absent)
      throws IOException {
    Summary summary = new Summary();
    try (SarifReporter sarif = new SarifReporter(out, context)) {
      sarif.baseline(f -> added.contains(f) ? "new" : "unchanged");
      for (DeclarationResult r : results) {
        summary.add(r);
        sarif.result(r);
        for (Finding f : absent.getOrDefault(r, List.of())) {
          sarif.absent(r, f);
        }
      }
      sarif.finish(summary, new WaiverNotes(List.of(), List.of()));
    }
  }
}
