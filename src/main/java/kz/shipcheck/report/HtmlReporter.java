package kz.shipcheck.report;

import static kz.shipcheck.report.HtmlText.esc;
import static kz.shipcheck.report.HtmlText.num;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Summary;

/**
 * The {@code html} report: one self-contained page that loads nothing from the network (a
 * Content-Security-Policy forbids it). It shows the summary numbers, bar charts (plain CSS) of
 * outcomes by product and by border crossing (counts with failure rates; a group where every
 * declaration failed is marked in words) and of findings by rule (ids with titles), a table of
 * findings with a small inline script to filter it (also from the address: {@code
 * report.html#q=REG-004&severity=error&outcome=fail}), the waived findings apart, the waivers that
 * did not apply, and the declarations with their outcomes. Every value from the input is
 * HTML-escaped; the script reads the table, never data embedded in code. Every visible word comes
 * from the run's language ({@code html.*} messages, through {@link ReportContext#words()}). The
 * page's parts live apart: its fixed style and script in {@link HtmlAssets}, the charts in {@link
 * HtmlCharts}, the capped tables in {@link HtmlTables}; this class lays out the page.
 *
 * <p>A browser slows down on tens of thousands of table rows, so each table holds at most {@link
 * Limits} rows, those of failing and invalid declarations first, and says so with a note pointing
 * to csv/jsonl for the full data; the counts and charts always cover the whole batch. The summary
 * comes first, so the rows are parked in {@link Spool}s until the end.
 */
final class HtmlReporter implements Reporter {
  /** The most rows each table holds: declarations, and findings (waived ones apart). */
  record Limits(int declarations, int findings) {
    /** A page of about 2 MB that Chromium lays out in well under a second. */
    static final Limits DEFAULT = new Limits(1_000, 2_000);
  }

  private final OutputStream out;
  private final ReportContext context;
  private final HtmlText t;
  private final HtmlCharts charts;
  private final HtmlTables tables;

  HtmlReporter(OutputStream out, ReportContext context) throws IOException {
    this(out, context, Limits.DEFAULT);
  }

  HtmlReporter(OutputStream out, ReportContext context, Limits limits) throws IOException {
    this.out = out;
    this.context = context;
    this.t =
        new HtmlText(
            Objects.requireNonNull(
                context.words(), "an html report needs the run's words (ReportContext.words)"));
    Map<String, RuleInfo> rules = new HashMap<>();
    context.catalogue().forEach(r -> rules.put(r.id(), r));
    // A rule's title by id; the one place titles come from, so their source can change alone.
    Function<String, String> titles = id -> rules.containsKey(id) ? rules.get(id).title() : null;
    this.charts = new HtmlCharts(t, titles);
    this.tables = new HtmlTables(t, rules, titles, limits);
  }

  /** See {@link HtmlCharts#percent}. */
  static String percent(long part, long whole) {
    return HtmlCharts.percent(part, whole);
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    tables.add(r);
    charts.count(r);
  }

  @Override
  public void finish(Summary s, WaiverNotes notes) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(
        "<!DOCTYPE html>\n<html lang=\""
            + esc(context.language())
            + "\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlAssets.CSP + "\">\n");
    w.write(
        "<title>"
            + t.label("html.title")
            + "</title>\n<style>\n"
            + HtmlAssets.STYLE
            + "</style>\n</head>\n<body>\n");
    w.write(
        "<header>\n<h1>"
            + t.label("html.title")
            + "</h1>\n<p class=\"meta\">"
            + t.label(
                "html.meta", "version", context.toolVersion(), "rules", context.catalogue().size())
            + "</p>\n"
            + (context.pack() == null
                ? ""
                : "<p class=\"meta\">" + esc(context.pack().line()) + "</p>\n")
            + "</header>\n<main>\n");
    w.write("<section class=\"cards\" aria-label=\"" + t.label("html.summary") + "\">\n");
    card(w, "declarations", "", s.declarations());
    card(w, "passed", "pass", s.passed());
    card(w, "failed", "fail", s.failed());
    card(w, "invalid", "invalid", s.invalid());
    card(w, "warnings", "warning", s.warnings());
    card(w, "waived", "waived", s.waived());
    w.write("</section>\n");
    charts.write(w, s);
    tables.writeFindings(w, out);
    tables.writeWaived(w, out);
    waivers(w, notes);
    tables.writeDeclarations(w, out, s.declarations());
    w.write("</main>\n");
    w.write("<footer>" + t.label("html.footer", "version", context.toolVersion()) + "</footer>\n");
    w.write("<script>" + HtmlAssets.SCRIPT + "</script>\n</body>\n</html>\n");
    w.flush();
  }

  private void waivers(Writer w, WaiverNotes notes) throws IOException {
    w.write(
        "<section id=\"waivers\">\n<h2>"
            + t.label("html.waivers", "count", notes.expired().size() + notes.unused().size())
            + "</h2>\n");
    if (notes.expired().isEmpty() && notes.unused().isEmpty()) {
      w.write("<p class=\"note\">" + t.label("html.waivers.none") + "</p>\n");
    } else {
      w.write("<ul>\n");
      for (WaiverNotes.Entry e : notes.expired()) {
        w.write(
            "<li>"
                + t.label(
                    "html.waivers.expired",
                    "expires",
                    e.expires(),
                    "waiver",
                    TextReporter.describe(e, t.words()),
                    "reason",
                    e.reason())
                + "</li>\n");
      }
      for (WaiverNotes.Entry e : notes.unused()) {
        w.write(
            "<li>"
                + t.label(
                    "html.waivers.unused",
                    "waiver",
                    TextReporter.describe(e, t.words()),
                    "reason",
                    e.reason())
                + "</li>\n");
      }
      w.write("</ul>\n");
    }
    w.write("</section>\n");
  }

  private void card(Writer w, String kind, String cssClass, long n) throws IOException {
    w.write(
        "<div class=\"card"
            + (cssClass.isEmpty() ? "" : " " + cssClass)
            + "\" id=\"count-"
            + kind
            + "\"><b>"
            + num(n)
            + "</b>"
            + t.label("html.card." + kind)
            + "</div>\n");
  }

  @Override
  public void close() {
    tables.close();
  }
}
