package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.Summary;

/**
 * The {@code junit} report, in the JUnit XML shape Jenkins and GitLab read: one {@code <testsuite>}
 * per input file, one {@code <testcase>} per declaration ({@code classname} and {@code file} = the
 * file, {@code name} = the declaration id, prefixed with "document N: " in files of several
 * documents, so names stay unique even when ids repeat). A failed or invalid declaration has a
 * {@code <failure>} whose text lists the findings that fail it (unwaived errors; under {@code
 * --fail-on warning} unwaived warnings too); the other findings go to {@code <system-out>}. Waivers
 * that did not apply are skipped test cases in a last suite, {@code waivers}: visible, never
 * failing the build.
 *
 * <p>The totals on {@code <testsuites>} come first, so suites are parked in a {@link Spool} until
 * the end; one file's results are held at a time (at most {@code --max-documents}).
 */
final class JunitReporter implements Reporter {
  private final OutputStream out;
  private final Spool spool;
  private final Writer body;
  private final List<DeclarationResult> file = new ArrayList<>();
  private final String properties;
  private final FailOn failOn;

  /**
   * The pack as {@code <properties>} of a suite (the schema CI tools read has properties on suites
   * only, so every suite carries them).
   */
  private static String properties(kz.shipcheck.pack.PackId p) {
    if (p == null) {
      return "";
    }
    return "    <properties>\n"
        + "      <property name=\"pack.name\" value=\""
        + Xml.attr(p.name())
        + "\"/>\n"
        + "      <property name=\"pack.version\" value=\""
        + Xml.attr(p.version())
        + "\"/>\n"
        + "      <property name=\"pack.effective\" value=\""
        + Xml.attr(String.valueOf(p.effective()))
        + "\"/>\n"
        + "      <property name=\"pack.sha256\" value=\""
        + Xml.attr(p.sha256())
        + "\"/>\n"
        + "    </properties>\n";
  }

  JunitReporter(OutputStream out) throws IOException {
    this(out, null, FailOn.ERROR);
  }

  /**
   * @param pack the pack that judged the run, named in each suite's properties; or null
   * @param failOn the policy the outcomes were decided under: it says which findings a failure
   *     lists
   */
  JunitReporter(OutputStream out, kz.shipcheck.pack.PackId pack, FailOn failOn) throws IOException {
    this.properties = properties(pack);
    this.failOn = failOn;
    this.out = out;
    this.spool = new Spool();
    this.body = spool.writer();
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    if (!file.isEmpty() && (r.document() == 1 || !r.file().equals(file.get(0).file()))) {
      flushFile();
    }
    file.add(r);
  }

  private void flushFile() throws IOException {
    if (file.isEmpty()) {
      return;
    }
    String name = file.get(0).file();
    long failures = file.stream().filter(r -> r.outcome() != Outcome.PASS).count();
    body.write(
        "  <testsuite name=\""
            + Xml.attr(name)
            + "\" tests=\""
            + file.size()
            + "\" failures=\""
            + failures
            + "\" errors=\"0\" skipped=\"0\">\n");
    body.write(properties);
    boolean several = file.size() > 1;
    for (DeclarationResult r : file) {
      testcase(r, several);
    }
    body.write("  </testsuite>\n");
    file.clear();
  }

  /** The test case name: the id, or the document number where the id is missing or may repeat. */
  static String caseName(DeclarationResult r, boolean severalInFile) {
    String id = r.id() == null ? "(no id)" : r.id();
    return severalInFile || r.id() == null ? "document " + r.document() + ": " + id : id;
  }

  private void testcase(DeclarationResult r, boolean several) throws IOException {
    body.write(
        "    <testcase classname=\""
            + Xml.attr(r.file())
            + "\" name=\""
            + Xml.attr(caseName(r, several))
            + "\" file=\""
            + Xml.attr(r.file())
            + "\"");
    List<Finding> blocking = new ArrayList<>();
    List<Finding> other = new ArrayList<>();
    for (Finding f : r.findings()) {
      boolean blocks =
          r.outcome() == Outcome.INVALID
              ? !f.isWaived()
              : r.outcome() == Outcome.FAIL && failOn.blocks(f);
      (blocks ? blocking : other).add(f);
    }
    if (r.outcome() == Outcome.PASS && other.isEmpty()) {
      body.write("/>\n");
      return;
    }
    body.write(">\n");
    if (r.outcome() != Outcome.PASS) {
      Set<String> rules = new LinkedHashSet<>();
      blocking.forEach(f -> rules.add(f.rule()));
      String message =
          (r.outcome() == Outcome.INVALID ? "invalid: " : "failed: ") + String.join(", ", rules);
      body.write(
          "      <failure type=\""
              + r.outcome().label()
              + "\" message=\""
              + Xml.attr(message)
              + "\">");
      body.write(Xml.text(lines(r.file(), blocking)));
      body.write("</failure>\n");
    }
    if (!other.isEmpty()) {
      body.write("      <system-out>");
      body.write(Xml.text(lines(r.file(), other)));
      body.write("</system-out>\n");
    }
    body.write("    </testcase>\n");
  }

  private static String lines(String file, List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append(file).append(':').append(f.line()).append(':').append(f.column()).append(": ");
      b.append(f.isWaived() ? "waived " : "")
          .append(f.severity().label())
          .append(' ')
          .append(f.rule());
      b.append(' ').append(f.message());
      if (!f.path().isEmpty()) {
        b.append(" [").append(f.path()).append(']');
      }
      b.append('\n');
      if (f.isWaived()) {
        b.append("    waived: ")
            .append(f.waived().reason())
            .append(" (approved by ")
            .append(f.waived().approvedBy())
            .append(", expires ")
            .append(f.waived().expires())
            .append(")\n");
      } else if (f.hint() != null) {
        b.append("    hint: ").append(f.hint()).append('\n');
      }
    }
    return b.toString();
  }

  @Override
  public void finish(Summary s, WaiverNotes waivers) throws IOException {
    flushFile();
    int notes = waivers.expired().size() + waivers.unused().size();
    if (notes > 0) {
      body.write(
          "  <testsuite name=\"waivers\" tests=\""
              + notes
              + "\" failures=\"0\" errors=\"0\" skipped=\""
              + notes
              + "\">\n");
      for (WaiverNotes.Entry e : waivers.expired()) {
        waiverCase(e, "expired on " + e.expires() + ": no longer applies");
      }
      for (WaiverNotes.Entry e : waivers.unused()) {
        waiverCase(e, "matched no finding");
      }
      body.write("  </testsuite>\n");
    }
    body.flush();
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write(
        "<testsuites name=\"shipcheck\" tests=\""
            + (s.declarations() + notes)
            + "\" failures=\""
            + (s.failed() + s.invalid())
            + "\" errors=\"0\" skipped=\""
            + notes
            + "\">\n");
    w.flush();
    spool.copyTo(out);
    w.write("</testsuites>\n");
    w.flush();
  }

  private void waiverCase(WaiverNotes.Entry e, String what) throws IOException {
    String name =
        "waiver line "
            + e.line()
            + ": "
            + e.rule()
            + " for "
            + e.declaration()
            + (e.path() == null ? "" : " at " + e.path());
    body.write("    <testcase classname=\"waivers\" name=\"" + Xml.attr(name) + "\">\n");
    body.write("      <skipped message=\"" + Xml.attr("waiver " + what) + "\"/>\n");
    body.write("    </testcase>\n");
  }

  @Override
  public void close() {
    spool.close();
  }
}
