package kz.shipcheck.report;

import static kz.shipcheck.report.HtmlText.esc;
import static kz.shipcheck.report.HtmlText.num;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;

/**
 * The html report's three tables: findings (with the filter controls the page's script drives),
 * waived findings, and declarations. Each holds at most its {@link HtmlReporter.Limits} rows,
 * failing and invalid declarations' first, parked in {@link CappedRows} until the page reaches the
 * table, and says so with a note pointing to csv for the full data.
 */
final class HtmlTables implements AutoCloseable {
  /**
   * Column widths in percent, so that a fixed layout wraps long messages instead of widening the
   * page.
   */
  private static final int[] FINDING_COLUMNS = {13, 4, 11, 7, 13, 7, 7, 11, 27};

  private static final int[] WAIVED_COLUMNS = {12, 4, 11, 13, 7, 7, 11, 19, 16};
  private static final int[] DECLARATION_COLUMNS = {40, 6, 24, 10, 10, 10};

  private final HtmlText t;
  private final Map<String, RuleInfo> rules;

  /** A rule's title by id. */
  private final Function<String, String> titles;

  private final CappedRows findings;
  private final CappedRows waived;
  private final CappedRows declarations;

  HtmlTables(
      HtmlText t,
      Map<String, RuleInfo> rules,
      Function<String, String> titles,
      HtmlReporter.Limits limits) {
    this.t = t;
    this.rules = new HashMap<>(rules);
    this.titles = titles;
    this.findings = new CappedRows(limits.findings());
    this.waived = new CappedRows(limits.findings());
    this.declarations = new CappedRows(limits.declarations());
  }

  /** Parks the declaration's rows: its findings, its waived findings, and its own row. */
  void add(DeclarationResult r) throws IOException {
    String id = r.id() == null ? "" : r.id();
    String outcome = r.outcome().label();
    boolean failing = r.outcome() != Outcome.PASS;
    String head =
        "<td>" + esc(r.file()) + "</td><td>" + r.document() + "</td><td>" + esc(id) + "</td>";
    int errors = 0;
    int warnings = 0;
    for (Finding f : r.findings()) {
      String place = f.line() + ":" + f.column();
      String path = f.path().isEmpty() ? "" : "<code>" + esc(f.path()) + "</code>";
      if (f.isWaived()) {
        if (waived.wanted(failing)) {
          waived.add(
              failing,
              "<tr>"
                  + head
                  + "<td>"
                  + ruleCell(f.rule())
                  + "</td>"
                  + severityCell(f.severity())
                  + "<td>"
                  + place
                  + "</td><td>"
                  + path
                  + "</td><td class=\"msg\">"
                  + esc(f.message())
                  + "</td><td>"
                  + esc(f.waived().reason())
                  + "<div class=\"hint\">"
                  + t.label(
                      "html.waiver.by",
                      "approvedBy",
                      f.waived().approvedBy(),
                      "expires",
                      f.waived().expires())
                  + "</div></td></tr>\n");
        } else {
          waived.skip();
        }
        continue;
      }
      if (f.severity() == Severity.ERROR) {
        errors++;
      } else if (f.severity() == Severity.WARNING) {
        warnings++;
      }
      if (findings.wanted(failing)) {
        String hint =
            f.hint() == null
                ? ""
                : "<div class=\"hint\">" + t.label("html.hint", "hint", f.hint()) + "</div>";
        findings.add(
            failing,
            "<tr data-severity=\""
                + f.severity().label()
                + "\" data-outcome=\""
                + outcome
                + "\">"
                + head
                + "<td>"
                + outcomeCell(outcome)
                + "</td><td>"
                + ruleCell(f.rule())
                + "</td>"
                + severityCell(f.severity())
                + "<td>"
                + place
                + "</td><td>"
                + path
                + "</td><td class=\"msg\">"
                + esc(f.message())
                + hint
                + "</td></tr>\n");
      } else {
        findings.skip();
      }
    }
    if (declarations.wanted(failing)) {
      declarations.add(
          failing,
          "<tr>"
              + head
              + "<td>"
              + outcomeCell(outcome)
              + "</td><td>"
              + errors
              + "</td><td>"
              + warnings
              + "</td></tr>\n");
    } else {
      declarations.skip();
    }
  }

  private String ruleCell(String id) {
    RuleInfo r = rules.get(id);
    String title = titles.apply(id);
    return (r == null
            ? esc(id)
            : "<abbr title=\"" + esc(r.reference()) + "\">" + esc(id) + "</abbr>")
        + (title == null ? "" : "<div class=\"rt\">" + esc(title) + "</div>");
  }

  private String outcomeCell(String outcome) {
    return "<span class=\"o " + outcome + "\">" + t.label("html.outcome." + outcome) + "</span>";
  }

  private String severityCell(Severity s) {
    return "<td class=\"sev " + s.label() + "\">" + t.label("html.severity." + s.label()) + "</td>";
  }

  /**
   * The findings section: its heading, the filter controls, the table. Rows go straight to {@code
   * out}.
   */
  void writeFindings(Writer w, OutputStream out) throws IOException {
    w.write(
        "<section id=\"findings\">\n<h2>"
            + t.label("html.findings")
            + " <span class=\"note\" id=\"shown\""
            + " data-template=\""
            + t.label("html.filter.shown", "shown", "{0}", "total", "{1}")
            + "\">("
            + num(findings.total())
            + ")</span></h2>\n");
    capNote(w, findings, "html.capped.findings");
    w.write(
        "<div class=\"filters\"><input id=\"q\" type=\"search\" aria-label=\""
            + t.label("html.filter")
            + "\""
            + " placeholder=\""
            + t.label("html.filter.placeholder")
            + "\">"
            + "<select id=\"severity\" aria-label=\""
            + t.label("html.filter.severity")
            + "\"><option value=\"\">"
            + t.label("html.filter.allSeverities")
            + "</option>");
    for (Severity sev : Severity.values()) {
      w.write(
          "<option value=\""
              + sev.label()
              + "\">"
              + t.label("html.severity." + sev.label())
              + "</option>");
    }
    w.write(
        "</select><select id=\"outcome\" aria-label=\""
            + t.label("html.filter.outcome")
            + "\"><option value=\"\">"
            + t.label("html.filter.allOutcomes")
            + "</option>");
    for (Outcome o : List.of(Outcome.FAIL, Outcome.INVALID, Outcome.PASS)) {
      w.write(
          "<option value=\""
              + o.label()
              + "\">"
              + t.label("html.outcome." + o.label())
              + "</option>");
    }
    w.write("</select></div>\n");
    w.write(
        "<table id=\"findings-table\">\n"
            + columns(FINDING_COLUMNS)
            + "<thead><tr>"
            + headers(
                "file",
                "doc",
                "declaration",
                "outcome",
                "rule",
                "severity",
                "place",
                "path",
                "message")
            + "</tr></thead>\n<tbody>\n");
    w.flush();
    findings.copyTo(out);
    w.write(
        "</tbody>\n</table>\n<p id=\"none\" class=\"note\" hidden>"
            + t.label("html.filter.none")
            + "</p>\n"
            + "</section>\n");
  }

  /** The waived findings section. */
  void writeWaived(Writer w, OutputStream out) throws IOException {
    w.write(
        "<section id=\"waived\">\n<h2>"
            + t.label("html.waived", "count", num(waived.total()))
            + "</h2>\n");
    if (waived.total() == 0) {
      w.write("<p class=\"note\">" + t.label("html.waived.none") + "</p>\n");
    } else {
      capNote(w, waived, "html.capped.waived");
      w.write(
          "<table id=\"waived-table\">\n"
              + columns(WAIVED_COLUMNS)
              + "<thead><tr>"
              + headers(
                  "file",
                  "doc",
                  "declaration",
                  "rule",
                  "severity",
                  "place",
                  "path",
                  "message",
                  "waiver")
              + "</tr></thead>\n<tbody>\n");
      w.flush();
      waived.copyTo(out);
      w.write("</tbody>\n</table>\n");
    }
    w.write("</section>\n");
  }

  /** The declarations section, folded, with {@code count} declarations in the batch. */
  void writeDeclarations(Writer w, OutputStream out, long count) throws IOException {
    w.write(
        "<section id=\"declarations\">\n<details>\n<summary>"
            + t.label("html.declarations", "count", num(count))
            + "</summary>\n");
    capNote(w, declarations, "html.capped.declarations");
    w.write(
        "<table id=\"declarations-table\">\n"
            + columns(DECLARATION_COLUMNS)
            + "<thead><tr>"
            + headers("file", "doc", "declaration", "outcome", "errors", "warnings")
            + "</tr></thead>\n<tbody>\n");
    w.flush();
    declarations.copyTo(out);
    w.write("</tbody>\n</table>\n</details>\n</section>\n");
  }

  private static String columns(int[] widths) {
    StringBuilder b = new StringBuilder("<colgroup>");
    for (int width : widths) {
      b.append("<col style=\"width:").append(width).append("%\">");
    }
    return b.append("</colgroup>\n").toString();
  }

  private String headers(String... keys) {
    StringBuilder b = new StringBuilder();
    for (String k : keys) {
      b.append("<th>").append(t.label("html.col." + k)).append("</th>");
    }
    return b.toString();
  }

  private void capNote(Writer w, CappedRows rows, String what) throws IOException {
    if (rows.shown() < rows.total()) {
      // the options go in as markup, kept on one line: a private-use character marks their place
      w.write(
          "<p class=\"note capped\" id=\"capped-"
              + what.substring(what.lastIndexOf('.') + 1)
              + "\">"
              + t.label(
                      "html.capped",
                      "shown",
                      num(rows.shown()),
                      "total",
                      num(rows.total()),
                      "what",
                      t.text(what),
                      "formatOption",
                      "\uE000",
                      "reportOption",
                      "\uE001")
                  .replace("\uE000", "<code class=\"cmd\">--format csv</code>")
                  .replace("\uE001", "<code class=\"cmd\">--report csv=FILE</code>")
              + "</p>\n");
    }
  }

  @Override
  public void close() {
    findings.close();
    waived.close();
    declarations.close();
  }
}
