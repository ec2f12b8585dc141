package kz.shipcheck.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.shipcheck.check.Waivers;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.pack.Rate;
import kz.shipcheck.report.Display;
import kz.shipcheck.report.SummaryText;
import kz.shipcheck.report.WaiverNotes;
import kz.shipcheck.report.Words;
import kz.shipcheck.result.Summary;

/**
 * What {@code check} says on stderr after a report that is not text on stdout: the waivers that did
 * not apply and the closing summary, in the run's language.
 */
final class CheckSummary {
  private final PrintStream err;
  private final RulePack rulePack;
  private final Path waiversFile;

  CheckSummary(PrintStream err, RulePack rulePack, Path waiversFile) {
    this.err = err;
    this.rulePack = rulePack;
    this.waiversFile = waiversFile;
  }

  /** The closing summary on stderr, after the waivers that did not apply. */
  void print(Summary summary, Waivers waivers, PackId packId) {
    // the report holds the waiver notes too (json: waivers.expired/unused), but not every format
    // has room for them (jsonl): say them here as well
    for (Waivers.Waiver w : waivers.expired()) {
      err.println(
          words(rulePack)
              .text(
                  "ui.waiver.expired",
                  Map.of("expires", w.expires(), "waiver", Display.safe(describe(w)))));
    }
    for (Waivers.Waiver w : waivers.unused()) {
      err.println(
          words(rulePack).text("ui.waiver.unused", Map.of("waiver", Display.safe(describe(w)))));
    }
    err.print(
        SummaryText.render(
            summary,
            c -> {
              Rate r = rulePack.data().rate(c);
              return r == null ? null : r.usd();
            },
            words(rulePack)));
    err.println(packId.line());
  }

  /**
   * The run's words: every label and summary line is rendered by the pack's messages, in --lang.
   */
  static Words words(RulePack rulePack) {
    return (key, args) -> rulePack.text().render(key, kz.shipcheck.engine.Args.from(args));
  }

  private String describe(Waivers.Waiver w) {
    Map<String, Object> args = new java.util.HashMap<>();
    args.put("rule", w.rule());
    args.put("declaration", w.declaration());
    args.put("path", w.path()); // null: no path, which the template selects on
    args.put("file", waiversFile.toString());
    args.put("line", "" + w.line());
    return words(rulePack).text("ui.waiver.entryInFile", args);
  }

  /** The waivers that did not apply, for the report. */
  static WaiverNotes notes(Waivers w) {
    return new WaiverNotes(entries(w.expired()), entries(w.unused()));
  }

  private static List<WaiverNotes.Entry> entries(List<Waivers.Waiver> list) {
    return list.stream()
        .map(
            w ->
                new WaiverNotes.Entry(
                    w.rule(),
                    w.declaration(),
                    w.path(),
                    w.reason(),
                    w.expires().toString(),
                    w.approvedBy(),
                    w.line()))
        .toList();
  }
}
