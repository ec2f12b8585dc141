package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
import kz.shipcheck.result.Summary;

/**
 * The {@code html} report: one self-contained page that loads nothing from the network (a
 * Content-Security-Policy forbids it). It shows the summary numbers, bar charts (plain CSS) of
 * outcomes by product, findings by rule and outcomes by border crossing, a table of every finding
 * with a small inline script to filter it (also from the address: {@code report.html#q=REG-004
 * &severity=error&outcome=fail}), the waived findings apart, the waivers that did not apply, and
 * every declaration with its outcome. Every value from the input is HTML-escaped; the script reads
 * the table, never data embedded in code.
 *
 * <p>The summary comes first, so the tables are parked in {@link Spool}s until the end. The page
 * grows with the batch; for millions of declarations use csv or jsonl.
 */
final class HtmlReporter implements Reporter {
  static final String SCRIPT =
      """
      (function () {
        var q = document.getElementById('q');
        var severity = document.getElementById('severity');
        var outcome = document.getElementById('outcome');
        var shown = document.getElementById('shown');
        var none = document.getElementById('none');
        var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr'));
        function apply() {
          var text = q.value.trim().toLowerCase(), s = severity.value, o = outcome.value, n = 0;
          rows.forEach(function (r) {
            var ok = (!s || r.getAttribute('data-severity') === s)
              && (!o || r.getAttribute('data-outcome') === o)
              && (!text || r.textContent.toLowerCase().indexOf(text) >= 0);
            r.hidden = !ok;
            if (ok) { n++; }
          });
          shown.textContent = n + ' of ' + rows.length + ' shown';
          none.hidden = n > 0 || rows.length === 0;
        }
        function fromAddress() {
          var p = new URLSearchParams(location.hash.slice(1));
          q.value = p.get('q') || '';
          severity.value = p.get('severity') || '';
          outcome.value = p.get('outcome') || '';
          apply();
        }
        [q, severity, outcome].forEach(function (e) { e.addEventListener('input', apply); });
        window.addEventListener('hashchange', fromAddress);
        fromAddress();
      })();
      """;

  static final String STYLE =
      """
      :root { --pass: #2e7d32; --fail: #c62828; --invalid: #6d4c41; --warning: #e65100; --info: #1565c0;
        --waived: #9e9e9e; --line: #e0e0e0; --muted: #616161; }
      * { box-sizing: border-box; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #212121; }
      header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
      header h1 { font-size: 22px; margin: 20px 0 2px; }
      .meta, footer, .note { color: var(--muted); }
      footer { margin: 32px auto 24px; font-size: 12px; }
      h2 { font-size: 17px; margin: 28px 0 8px; }
      .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
      .card { flex: 1 1 120px; border: 1px solid var(--line); border-top: 4px solid #424242; border-radius: 6px; padding: 8px 12px; }
      .card b { display: block; font-size: 26px; }
      .card.pass { border-top-color: var(--pass); } .card.fail { border-top-color: var(--fail); }
      .card.invalid { border-top-color: var(--invalid); } .card.warning { border-top-color: var(--warning); }
      .card.waived { border-top-color: var(--waived); }
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(330px, 1fr)); gap: 18px; }
      figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
      figcaption { font-weight: 600; margin-bottom: 6px; }
      .row { display: grid; grid-template-columns: 140px 1fr 70px; gap: 8px; align-items: center; margin: 3px 0; }
      .key { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .n { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
      .bar { display: flex; height: 14px; background: #f5f5f5; border-radius: 3px; overflow: hidden; }
      .bar i { display: block; height: 100%; }
      i.pass, .legend .pass { background: var(--pass); } i.fail, .legend .fail { background: var(--fail); }
      i.error { background: var(--fail); } i.warning, .legend .warning { background: var(--warning); }
      i.info, .legend .info { background: var(--info); } i.waived, .legend .waived { background: var(--waived); }
      .legend { font-size: 12px; color: var(--muted); margin: 6px 0 0; }
      .legend span { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; }
      .filters { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
      .filters input { flex: 1 1 280px; padding: 6px 8px; font: inherit; }
      .filters select { padding: 6px; font: inherit; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid var(--line); }
      th { background: #fafafa; position: sticky; top: 0; }
      td.msg { white-space: pre-line; }
      td.nw { white-space: nowrap; }
      .hint { color: var(--muted); }
      .o, .sev { font-weight: 600; }
      .o.pass { color: var(--pass); } .o.fail, .sev.error { color: var(--fail); } .o.invalid { color: var(--invalid); }
      .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
      code { font-size: 12px; }
      details summary { cursor: pointer; font-weight: 600; margin: 28px 0 8px; }
      """;

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + sha256(SCRIPT) + "'";

  private final OutputStream out;
  private final ReportContext context;
  private final Map<String, RuleInfo> rules = new HashMap<>();
  private final Spool findings;
  private final Spool waived;
  private final Spool declarations;
  private long findingRows;
  private long waivedRows;

  HtmlReporter(OutputStream out, ReportContext context) throws IOException {
    this.out = out;
    this.context = context;
    context.catalogue().forEach(r -> rules.put(r.id(), r));
    this.findings = new Spool();
    this.waived = new Spool();
    this.declarations = new Spool();
  }

  private static String sha256(String s) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text or attribute value made safe for HTML; characters HTML cannot hold are replaced. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '\n', '\t' -> b.append(c);
        case '\r' -> b.append('\n');
        default -> b.append(c < 0x20 || c == 0x7f || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private String ruleCell(String id) {
    RuleInfo r = rules.get(id);
    return r == null ? esc(id) : "<abbr title=\"" + esc(r.title() + " (" + r.reference() + ")") + "\">" + esc(id) + "</abbr>";
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    String id = r.id() == null ? "" : r.id();
    String outcome = r.outcome().label();
    String head = "<td>" + esc(r.file()) + "</td><td>" + r.document() + "</td><td class=\"nw\">" + esc(id) + "</td>";
    int errors = 0;
    int warnings = 0;
    for (Finding f : r.findings()) {
      String place = f.line() + ":" + f.column();
      String path = f.path().isEmpty() ? "" : "<code>" + esc(f.path()) + "</code>";
      if (f.isWaived()) {
        waivedRows++;
        waived.writer().write("<tr>" + head + "<td class=\"nw\">" + ruleCell(f.rule()) + "</td><td class=\"sev " + f.severity().label()
            + "\">" + f.severity().label() + "</td><td>" + place + "</td><td>" + path + "</td><td class=\"msg\">"
            + esc(f.message()) + "</td><td>" + esc(f.waived().reason()) + "<div class=\"hint\">approved by "
            + esc(f.waived().approvedBy()) + ", expires " + esc(f.waived().expires()) + "</div></td></tr>\n");
        continue;
      }
      if (f.severity() == Severity.ERROR) {
        errors++;
      } else if (f.severity() == Severity.WARNING) {
        warnings++;
      }
      findingRows++;
      String hint = f.hint() == null ? "" : "<div class=\"hint\">hint: " + esc(f.hint()) + "</div>";
      findings.writer().write("<tr data-severity=\"" + f.severity().label() + "\" data-outcome=\"" + outcome + "\">"
          + head + "<td><span class=\"o " + outcome + "\">" + outcome + "</span></td><td class=\"nw\">" + ruleCell(f.rule())
          + "</td><td class=\"sev " + f.severity().label() + "\">" + f.severity().label() + "</td><td>" + place
          + "</td><td>" + path + "</td><td class=\"msg\">" + esc(f.message()) + hint + "</td></tr>\n");
    }
    declarations.writer().write("<tr>" + head + "<td><span class=\"o " + outcome + "\">" + outcome + "</span></td><td>"
        + errors + "</td><td>" + warnings + "</td></tr>\n");
  }

  @Override
  public void finish(Summary s, WaiverNotes notes) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n");
    w.write("<title>shipcheck report</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
    w.write("<header>\n<h1>shipcheck report</h1>\n<p class=\"meta\">shipcheck " + esc(context.toolVersion()) + " · "
        + context.catalogue().size() + " rules · each declaration judged by the rules in force on its ship date</p>\n"
        + (context.pack() == null ? "" : "<p class=\"meta\">" + esc(context.pack().line()) + "</p>\n")
        + "</header>\n<main>\n");
    w.write("<section class=\"cards\" aria-label=\"summary\">\n");
    card(w, "declarations", "", s.declarations());
    card(w, "passed", "pass", s.passed());
    card(w, "failed", "fail", s.failed());
    card(w, "invalid", "invalid", s.invalid());
    card(w, "warnings", "warning", s.warnings());
    card(w, "waived", "waived", s.waived());
    w.write("</section>\n");

    w.write("<section class=\"charts\">\n");
    outcomeChart(w, "chart-products", "Outcomes by product", s.byProduct(),
        s.invalid() > 0 ? num(s.invalid()) + " invalid declarations could not be read and have no product." : null);
    ruleChart(w, s.byRule());
    outcomeChart(w, "chart-crossings", "Outcomes by border crossing", s.byCrossing(), null);
    w.write("</section>\n<p class=\"legend\"><span class=\"pass\"></span>passed<span class=\"fail\"></span>failed / error"
        + "<span class=\"warning\"></span>warning<span class=\"info\"></span>info<span class=\"waived\"></span>waived</p>\n");

    w.write("<section id=\"findings\">\n<h2>Findings <span class=\"note\" id=\"shown\">(" + num(findingRows) + ")</span></h2>\n");
    w.write("<div class=\"filters\"><input id=\"q\" type=\"search\" aria-label=\"filter\""
        + " placeholder=\"Filter by rule, file, declaration, text…\">"
        + "<select id=\"severity\" aria-label=\"severity\"><option value=\"\">all severities</option>"
        + "<option value=\"error\">error</option><option value=\"warning\">warning</option>"
        + "<option value=\"info\">info</option></select>"
        + "<select id=\"outcome\" aria-label=\"outcome\"><option value=\"\">all outcomes</option>"
        + "<option value=\"fail\">fail</option><option value=\"invalid\">invalid</option>"
        + "<option value=\"pass\">pass</option></select></div>\n");
    w.write("<table id=\"findings-table\">\n<thead><tr><th>File</th><th>Doc</th><th>Declaration</th><th>Outcome</th>"
        + "<th>Rule</th><th>Severity</th><th>Line:col</th><th>Path</th><th>Message</th></tr></thead>\n<tbody>\n");
    w.flush();
    findings.copyTo(out);
    w.write("</tbody>\n</table>\n<p id=\"none\" class=\"note\" hidden>No finding matches the filter.</p>\n</section>\n");

    w.write("<section id=\"waived\">\n<h2>Waived findings (" + num(waivedRows) + ")</h2>\n");
    if (waivedRows == 0) {
      w.write("<p class=\"note\">No finding was waived.</p>\n");
    } else {
      w.write("<table id=\"waived-table\">\n<thead><tr><th>File</th><th>Doc</th><th>Declaration</th><th>Rule</th>"
          + "<th>Severity</th><th>Line:col</th><th>Path</th><th>Message</th><th>Waiver</th></tr></thead>\n<tbody>\n");
      w.flush();
      waived.copyTo(out);
      w.write("</tbody>\n</table>\n");
    }
    w.write("</section>\n");

    w.write("<section id=\"waivers\">\n<h2>Waivers that did not apply (" + (notes.expired().size() + notes.unused().size())
        + ")</h2>\n");
    if (notes.expired().isEmpty() && notes.unused().isEmpty()) {
      w.write("<p class=\"note\">None.</p>\n");
    } else {
      w.write("<ul>\n");
      for (WaiverNotes.Entry e : notes.expired()) {
        w.write("<li>expired on " + esc(e.expires()) + ": " + esc(TextReporter.describe(e)) + " — " + esc(e.reason())
            + "</li>\n");
      }
      for (WaiverNotes.Entry e : notes.unused()) {
        w.write("<li>matched no finding: " + esc(TextReporter.describe(e)) + " — " + esc(e.reason()) + "</li>\n");
      }
      w.write("</ul>\n");
    }
    w.write("</section>\n");

    w.write("<section id=\"declarations\">\n<details>\n<summary>All declarations (" + num(s.declarations())
        + ")</summary>\n<table id=\"declarations-table\">\n<thead><tr><th>File</th><th>Doc</th><th>Declaration</th>"
        + "<th>Outcome</th><th>Errors</th><th>Warnings</th></tr></thead>\n<tbody>\n");
    w.flush();
    declarations.copyTo(out);
    w.write("</tbody>\n</table>\n</details>\n</section>\n</main>\n");
    w.write("<footer>Written by shipcheck " + esc(context.toolVersion()) + ". The rule pack is a model of public"
        + " information about the Kazakhstan–China protocols, not legal advice.</footer>\n");
    w.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
    w.flush();
  }

  private static void card(Writer w, String label, String kind, long n) throws IOException {
    w.write("<div class=\"card" + (kind.isEmpty() ? "" : " " + kind) + "\" id=\"count-" + label + "\"><b>" + num(n)
        + "</b>" + label + "</div>\n");
  }

  private static void outcomeChart(Writer w, String id, String caption, Map<String, Summary.Tally> data, String note)
      throws IOException {
    w.write("<figure id=\"" + id + "\">\n<figcaption>" + caption + "</figcaption>\n");
    List<Map.Entry<String, Summary.Tally>> rows = new ArrayList<>(data.entrySet());
    rows.sort(Comparator.comparingLong((Map.Entry<String, Summary.Tally> e) -> -e.getValue().total())
        .thenComparing(Map.Entry::getKey));
    long max = rows.stream().mapToLong(e -> e.getValue().total()).max().orElse(1);
    if (rows.isEmpty()) {
      w.write("<p class=\"note\">No readable declaration.</p>\n");
    }
    for (Map.Entry<String, Summary.Tally> e : rows) {
      Summary.Tally t = e.getValue();
      w.write("<div class=\"row\"><span class=\"key\" title=\"" + esc(e.getKey()) + "\">" + esc(e.getKey())
          + "</span><span class=\"bar\">" + segment("pass", t.passed(), max, "passed")
          + segment("fail", t.failed(), max, "failed") + "</span><span class=\"n\">" + num(t.passed()) + " / "
          + num(t.failed()) + "</span></div>\n");
    }
    w.write("<p class=\"legend\">passed / failed" + (note == null ? "" : ". " + esc(note)) + "</p>\n</figure>\n");
  }

  private static void ruleChart(Writer w, Map<String, Summary.RuleCount> data) throws IOException {
    w.write("<figure id=\"chart-rules\">\n<figcaption>Findings by rule</figcaption>\n");
    List<Map.Entry<String, Summary.RuleCount>> rows = new ArrayList<>(data.entrySet());
    rows.sort(Comparator.comparingLong((Map.Entry<String, Summary.RuleCount> e) -> -e.getValue().total())
        .thenComparing(Map.Entry::getKey));
    long max = rows.stream().mapToLong(e -> e.getValue().total()).max().orElse(1);
    if (rows.isEmpty()) {
      w.write("<p class=\"note\">No finding.</p>\n");
    }
    for (Map.Entry<String, Summary.RuleCount> e : rows) {
      Summary.RuleCount c = e.getValue();
      String q = "#q=" + java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8);
      w.write("<div class=\"row\"><span class=\"key\"><a href=\"" + esc(q) + "\">" + esc(e.getKey()) + "</a></span>"
          + "<span class=\"bar\">" + segment("error", c.errors(), max, "errors")
          + segment("warning", c.warnings(), max, "warnings") + segment("info", c.infos(), max, "infos")
          + segment("waived", c.waived(), max, "waived") + "</span><span class=\"n\">" + num(c.total())
          + "</span></div>\n");
    }
    w.write("<p class=\"legend\">findings; click a rule to filter the table</p>\n</figure>\n");
  }

  private static String segment(String kind, long n, long max, String label) {
    if (n == 0) {
      return "";
    }
    String width = String.format(Locale.ROOT, "%.2f", 100.0 * n / Math.max(1, max));
    return "<i class=\"" + kind + "\" style=\"width:" + width + "%\" title=\"" + num(n) + " " + label + "\"></i>";
  }

  @Override
  public void close() {
    findings.close();
    waived.close();
    declarations.close();
  }
}
