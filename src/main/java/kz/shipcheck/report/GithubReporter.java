package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Summary;

/**
 * The {@code github} report: GitHub Actions workflow commands, one annotation per finding ({@code
 * ::error file=F,line=L,col=C,title=RULE::message}), which GitHub shows on the lines of the changed
 * files. Errors are {@code error}, warnings {@code warning}, infos and waived findings {@code
 * notice}; waivers that did not apply are {@code warning}s without a file. Data and properties are
 * escaped as the Actions toolkit does, so a message can never end the command early or inject
 * another one; before that, each value goes through {@link Display#safe}, since the Actions log
 * shows escape sequences as colours and moves, and bidi controls reorder it (the reporter's own
 * line breaks stay {@code %0A}, a value's show as {@code \n}). A plain summary line closes the
 * output.
 */
final class GithubReporter implements Reporter {
  private final Writer out;

  GithubReporter(OutputStream out) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    for (Finding f : r.findings()) {
      String command;
      String title;
      StringBuilder message = new StringBuilder(Display.safe(f.message()));
      if (!f.path().isEmpty()) {
        message.append(" [").append(Display.safe(f.path())).append(']');
      }
      if (f.isWaived()) {
        command = "notice";
        title = f.rule() + " (waived)";
        message
            .append("\nwaived: ")
            .append(Display.safe(f.waived().reason()))
            .append(" (approved by ")
            .append(Display.safe(f.waived().approvedBy()))
            .append(", expires ")
            .append(f.waived().expires())
            .append(')');
      } else {
        command =
            switch (f.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO -> "notice";
            };
        title = f.rule();
        if (f.hint() != null) {
          message.append("\nhint: ").append(Display.safe(f.hint()));
        }
      }
      if (r.id() != null) {
        message.append("\ndeclaration ").append(Display.safe(r.id()));
        if (r.document() > 1) {
          message.append(" (document ").append(r.document()).append(')');
        }
      }
      out.write(
          "::"
              + command
              + " file="
              + property(Display.safe(file(r.file())))
              + ",line="
              + Math.max(1, f.line())
              + ",col="
              + Math.max(1, f.column())
              + ",title="
              + property(Display.safe(title))
              + "::"
              + data(message.toString())
              + "\n");
    }
  }

  @Override
  public void finish(Summary s, WaiverNotes waivers) throws IOException {
    for (WaiverNotes.Entry e : waivers.expired()) {
      out.write(
          "::warning title="
              + property("waiver expired")
              + "::"
              + data(
                  "waiver expired on "
                      + e.expires()
                      + " and no longer applies: "
                      + Display.safe(TextReporter.describe(e)))
              + "\n");
    }
    for (WaiverNotes.Entry e : waivers.unused()) {
      out.write(
          "::warning title="
              + property("waiver unused")
              + "::"
              + data("waiver matched no finding: " + Display.safe(TextReporter.describe(e)))
              + "\n");
    }
    out.write(
        "shipcheck: "
            + s.declarations()
            + (s.declarations() == 1 ? " declaration: " : " declarations: ")
            + s.passed()
            + " passed, "
            + s.failed()
            + " failed, "
            + s.invalid()
            + " invalid, "
            + s.warnings()
            + (s.warnings() == 1 ? " warning, " : " warnings, ")
            + s.waived()
            + " waived\n");
    out.flush();
  }

  /**
   * The {@code file} property: the path as given, but without leading {@code ./} segments, which
   * {@code shipcheck check .} puts before every file and GitHub does not strip: it matches an
   * annotation to a changed file by the path relative to the repository root as it stands.
   */
  static String file(String path) {
    String p = path;
    while (p.startsWith("./")) {
      p = p.substring(2).replaceFirst("^/+", "");
    }
    return p;
  }

  /** The message part of a command: %, CR and LF are percent-encoded. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value (file, title): as {@link #data}, plus {@code :} and {@code ,}. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
