package kz.shipcheck.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Summary;

/**
 * The default, human format: {@code file:line:col: severity RULE message} per finding with its hint
 * below, a PASS/FAIL/INVALID line per declaration, and a closing summary. Values are shown through
 * {@link Display#safe}: a line break or escape sequence in a declaration stays visible text. The
 * words around the results are the run's language ({@code ui.text.*}, {@code ui.waiver.*}); the
 * line's tokens that scripts grep (severity, {@code waived}, PASS/FAIL/INVALID) stay as written.
 */
final class TextReporter implements Reporter {
  private final PrintWriter out;
  private final Words words;
  private String packLine; // the summary's last line: which pack judged the run

  TextReporter packLine(String line) {
    this.packLine = line;
    return this;
  }

  TextReporter(PrintWriter out, Words words) {
    this.out = out;
    this.words =
        Objects.requireNonNull(words, "a text report needs the run's words (ReportContext.words)");
  }

  @Override
  public void result(DeclarationResult r) {
    for (Finding f : r.findings()) {
      StringBuilder line = new StringBuilder();
      line.append(r.file())
          .append(':')
          .append(f.line())
          .append(':')
          .append(f.column())
          .append(": ");
      line.append(f.isWaived() ? "waived " + f.severity().label() : f.severity().label());
      line.append(' ').append(f.rule()).append(' ').append(f.message());
      if (!f.path().isEmpty()) {
        line.append(" [").append(f.path()).append(']');
      }
      println(line.toString());
      if (f.isWaived()) {
        println(
            "    "
                + words.text(
                    "ui.text.waived",
                    args(
                        "reason",
                        f.waived().reason(),
                        "approvedBy",
                        f.waived().approvedBy(),
                        "expires",
                        f.waived().expires())));
      } else if (f.hint() != null) {
        println("    " + words.text("ui.text.hint", Map.of("hint", f.hint())));
      }
    }
    String label =
        switch (r.outcome()) {
          case PASS -> "PASS";
          case FAIL -> "FAIL";
          case INVALID -> "INVALID";
        };
    println(label + " " + name(r));
  }

  /** Every line goes out through here: values inside it cannot break it or draw another. */
  private void println(String line) {
    out.println(Display.safe(line));
  }

  static String name(DeclarationResult r) {
    String where = r.document() > 1 ? r.file() + " (document " + r.document() + ")" : r.file();
    return r.id() == null ? where : where + " " + r.id();
  }

  @Override
  public void finish(Summary s, WaiverNotes waivers) throws IOException {
    for (WaiverNotes.Entry w : waivers.expired()) {
      println(
          words.text(
              "ui.waiver.expired", Map.of("expires", w.expires(), "waiver", describe(w, words))));
    }
    for (WaiverNotes.Entry w : waivers.unused()) {
      println(words.text("ui.waiver.unused", Map.of("waiver", describe(w, words))));
    }
    out.println();
    // counts are passed twice: as a number to choose the plural, and as its digits to show, so
    // that a script reading this line never meets a language's grouping (1,234 / 1 234)
    StringBuilder b = new StringBuilder();
    b.append(
        words.text(
            "ui.text.counts",
            Map.of(
                "declarations",
                words.text(
                    "ui.text.declarations",
                    Map.of("count", s.declarations(), "shown", "" + s.declarations())),
                "passed",
                "" + s.passed(),
                "failed",
                "" + s.failed(),
                "invalid",
                "" + s.invalid())));
    if (s.warnings() > 0) {
      b.append(
          words.text(
              "ui.text.warnings", Map.of("count", s.warnings(), "shown", "" + s.warnings())));
    }
    if (s.waived() > 0) {
      b.append(words.text("ui.text.waivedCount", Map.of("shown", "" + s.waived())));
    }
    out.println(b);
    if (!s.failingRules().isEmpty()) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<String, Long> e : s.failingRules().entrySet()) {
        entries.add(
            words.text(
                "ui.text.failingRule", Map.of("rule", e.getKey(), "count", "" + e.getValue())));
      }
      println(words.text("ui.text.failingRules", Map.of("entries", String.join(" ", entries))));
    }
    if (packLine != null) {
      out.println(packLine);
    }
    out.flush();
    if (out.checkError()) {
      throw new IOException("could not write the report");
    }
  }

  /** Arguments from name, value pairs; a value may be null (it shows as none). */
  private static Map<String, Object> args(Object... nameValuePairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      m.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return m;
  }

  /** A waiver as the text and html reports name it, in the run's language. */
  static String describe(WaiverNotes.Entry w, Words words) {
    // a null path shows as none, which the template selects on
    return words.text(
        "ui.waiver.entry",
        args(
            "rule",
            w.rule(),
            "declaration",
            w.declaration(),
            "path",
            w.path(),
            "line",
            "" + w.line()));
  }

  /** A waiver in English, for the machine formats' notes (sarif, github annotations). */
  static String describe(WaiverNotes.Entry w) {
    return w.rule()
        + " for "
        + w.declaration()
        + (w.path() == null ? "" : " at " + w.path())
        + " (line "
        + w.line()
        + ")";
  }
}
