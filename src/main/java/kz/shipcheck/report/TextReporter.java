package kz.shipcheck.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Summary;

/**
 * The default, human format: {@code file:line:col: severity RULE message} per finding with its
 * hint below, a PASS/FAIL/INVALID line per declaration, and a closing summary. Values are shown
 * through {@link Display#safe}: a line break or escape sequence in a declaration stays visible text.
 */
final class TextReporter implements Reporter {
  private final PrintWriter out;
  private String packLine; // the summary's last line: which pack judged the run

  TextReporter packLine(String line) {
    this.packLine = line;
    return this;
  }

  TextReporter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void result(DeclarationResult r) {
    for (Finding f : r.findings()) {
      StringBuilder line = new StringBuilder();
      line.append(r.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ");
      line.append(f.isWaived() ? "waived " + f.severity().label() : f.severity().label());
      line.append(' ').append(f.rule()).append(' ').append(f.message());
      if (!f.path().isEmpty()) {
        line.append(" [").append(f.path()).append(']');
      }
      println(line.toString());
      if (f.isWaived()) {
        println("    waived: " + f.waived().reason() + " (approved by " + f.waived().approvedBy() + ", expires " + f.waived().expires() + ")");
      } else if (f.hint() != null) {
        println("    hint: " + f.hint());
      }
    }
    String label = switch (r.outcome()) {
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
      println("waiver expired on " + w.expires() + ": " + describe(w));
    }
    for (WaiverNotes.Entry w : waivers.unused()) {
      println("waiver matched nothing: " + describe(w));
    }
    out.println();
    StringBuilder b = new StringBuilder();
    b.append(s.declarations()).append(s.declarations() == 1 ? " declaration: " : " declarations: ");
    b.append(s.passed()).append(" passed, ").append(s.failed()).append(" failed, ");
    b.append(s.invalid()).append(" invalid");
    if (s.warnings() > 0) {
      b.append(", ").append(s.warnings()).append(s.warnings() == 1 ? " warning" : " warnings");
    }
    if (s.waived() > 0) {
      b.append(", ").append(s.waived()).append(" waived");
    }
    out.println(b);
    if (!s.failingRules().isEmpty()) {
      StringBuilder rules = new StringBuilder("failing rules:");
      for (Map.Entry<String, Long> e : s.failingRules().entrySet()) {
        rules.append(' ').append(e.getKey()).append(" (").append(e.getValue()).append(')');
      }
      println(rules.toString());
    }
    if (packLine != null) {
      out.println(packLine);
    }
    out.flush();
    if (out.checkError()) {
      throw new IOException("could not write the report");
    }
  }

  static String describe(WaiverNotes.Entry w) {
    return w.rule() + " for " + w.declaration() + (w.path() == null ? "" : " at " + w.path())
        + " (line " + w.line() + ")";
  }
}
