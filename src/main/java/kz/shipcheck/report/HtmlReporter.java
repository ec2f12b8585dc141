package kz.shipcheck.report;


import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
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
 * from the run's language ({@code html.*} messages, through {@link ReportContext#words()}).
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
          shown.textContent = shown.getAttribute('data-template')
            .replace('{0}', String(n)).replace('{1}', String(rows.length));
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
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #212121;
        overflow-wrap: anywhere; }
      header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
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
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 18px; }
      figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; min-width: 0; }
      figcaption { font-weight: 600; margin-bottom: 6px; }
      .row { display: grid; grid-template-columns: minmax(0, 13em) minmax(40px, 1fr) minmax(0, 15em); gap: 8px;
        align-items: center; margin: 3px 0; padding: 1px 4px; border-left: 3px solid transparent; }
      .row.all-failed { border-left-color: var(--fail); background: #fdecea; }
      .key small { display: block; color: var(--muted); font-size: 12px; line-height: 1.25; }
      .n { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
      .flag { display: inline-block; padding: 0 5px; border-radius: 3px; background: var(--fail);
        color: #fff; font-size: 12px; font-weight: 600; }
      .bar { display: flex; height: 14px; background: #f5f5f5; border-radius: 3px; overflow: hidden; }
      .bar i { display: block; height: 100%; }
      i.pass, .legend .pass { background: var(--pass); } i.fail, .legend .fail { background: var(--fail); }
      i.error { background: var(--fail); } i.warning, .legend .warning { background: var(--warning); }
      i.info, .legend .info { background: var(--info); } i.waived, .legend .waived { background: var(--waived); }
      .legend { font-size: 12px; color: var(--muted); margin: 6px 0 0; }
      .legend span { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; }
      .capped { border-left: 3px solid var(--warning); background: #fff3e0; padding: 6px 10px; }
      .filters { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
      .filters input { flex: 1 1 280px; padding: 6px 8px; font: inherit; }
      .filters select { padding: 6px; font: inherit; }
      table { border-collapse: collapse; width: 100%; table-layout: fixed; }
      th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid var(--line); }
      th { background: #fafafa; position: sticky; top: 0; }
      td.msg { white-space: pre-line; }
      .hint, .rt { color: var(--muted); }
      .rt { font-size: 12px; line-height: 1.3; }
      .o, .sev { font-weight: 600; }
      .o.pass { color: var(--pass); } .o.fail, .sev.error { color: var(--fail); } .o.invalid { color: var(--invalid); }
      .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
      code { font-size: 12px; }
      code.cmd { white-space: nowrap; overflow-wrap: normal; }
      details summary { cursor: pointer; font-weight: 600; margin: 28px 0 8px; }
      """;

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + sha256(SCRIPT) + "'";

  /** Column widths in percent, so that a fixed layout wraps long messages instead of widening the page. */
  private static final int[] FINDING_COLUMNS = {13, 4, 11, 7, 13, 7, 7, 11, 27};
  private static final int[] WAIVED_COLUMNS = {12, 4, 11, 13, 7, 7, 11, 19, 16};
  private static final int[] DECLARATION_COLUMNS = {40, 6, 24, 10, 10, 10};

  private final OutputStream out;
  private final ReportContext context;
  private final Words words;
  /** A rule's title by id; the one place titles come from, so their source can change alone. */
  private final Function<String, String> titles;
  private final Map<String, RuleInfo> rules = new HashMap<>();
  /** Declarations with at least one finding of a rule, by rule id (pooled like {@link Summary}). */
  private final Map<String, Long> declarationsByRule = new TreeMap<>();
  private final Rows findings;
  private final Rows waived;
  private final Rows declarations;

  HtmlReporter(OutputStream out, ReportContext context) throws IOException {
    this(out, context, Limits.DEFAULT);
  }

  HtmlReporter(OutputStream out, ReportContext context, Limits limits) throws IOException {
    this.out = out;
    this.context = context;
    this.words = Objects.requireNonNull(context.words(), "an html report needs the run's words (ReportContext.words)");
    context.catalogue().forEach(r -> rules.put(r.id(), r));
    this.titles = id -> rules.containsKey(id) ? rules.get(id).title() : null;
    this.findings = new Rows(limits.findings());
    this.waived = new Rows(limits.findings());
    this.declarations = new Rows(limits.declarations());
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

  /** A label in the run's language, from name, value pairs, unescaped. */
  private String text(String key, Object... nameValuePairs) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      args.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return words.text(key, args);
  }

  /** A label in the run's language, escaped. */
  private String label(String key, Object... nameValuePairs) {
    return esc(text(key, nameValuePairs));
  }

  private static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * {@code part} of {@code whole} in whole percent, never rounded to 0% or 100% unless exactly so:
   * a crossing where 399 of 400 declarations failed must not read like one where all did.
   */
  static String percent(long part, long whole) {
    if (whole <= 0 || part <= 0) {
      return "0%";
    }
    if (part >= whole) {
      return "100%";
    }
    double p = 100.0 * part / whole;
    if (p < 1) {
      return "<1%";
    }
    if (p > 99) {
      return ">99%";
    }
    return Math.round(p) + "%";
  }

  private String ruleCell(String id) {
    RuleInfo r = rules.get(id);
    String title = titles.apply(id);
    return (r == null ? esc(id) : "<abbr title=\"" + esc(r.reference()) + "\">" + esc(id) + "</abbr>")
        + (title == null ? "" : "<div class=\"rt\">" + esc(title) + "</div>");
  }

  private String outcomeCell(String outcome) {
    return "<span class=\"o " + outcome + "\">" + label("html.outcome." + outcome) + "</span>";
  }

  private String severityCell(Severity s) {
    return "<td class=\"sev " + s.label() + "\">" + label("html.severity." + s.label()) + "</td>";
  }

  @Override
  public void result(DeclarationResult r) throws IOException {
    String id = r.id() == null ? "" : r.id();
    String outcome = r.outcome().label();
    boolean failing = r.outcome() != Outcome.PASS;
    String head = "<td>" + esc(r.file()) + "</td><td>" + r.document() + "</td><td>" + esc(id) + "</td>";
    int errors = 0;
    int warnings = 0;
    Set<String> ruleIds = new HashSet<>();
    for (Finding f : r.findings()) {
      ruleIds.add(f.rule());
      String place = f.line() + ":" + f.column();
      String path = f.path().isEmpty() ? "" : "<code>" + esc(f.path()) + "</code>";
      if (f.isWaived()) {
        if (waived.wanted(failing)) {
          waived.add(failing, "<tr>" + head + "<td>" + ruleCell(f.rule()) + "</td>" + severityCell(f.severity())
              + "<td>" + place + "</td><td>" + path + "</td><td class=\"msg\">" + esc(f.message()) + "</td><td>"
              + esc(f.waived().reason()) + "<div class=\"hint\">"
              + label("html.waiver.by", "approvedBy", f.waived().approvedBy(), "expires", f.waived().expires()) + "</div></td></tr>\n");
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
        String hint = f.hint() == null ? "" : "<div class=\"hint\">" + label("html.hint", "hint", f.hint()) + "</div>";
        findings.add(failing, "<tr data-severity=\"" + f.severity().label() + "\" data-outcome=\"" + outcome + "\">"
            + head + "<td>" + outcomeCell(outcome) + "</td><td>" + ruleCell(f.rule()) + "</td>"
            + severityCell(f.severity()) + "<td>" + place + "</td><td>" + path + "</td><td class=\"msg\">"
            + esc(f.message()) + hint + "</td></tr>\n");
      } else {
        findings.skip();
      }
    }
    for (String rule : ruleIds) {
      String key = declarationsByRule.containsKey(rule) || declarationsByRule.size() < Summary.MAX_KEYS
          ? rule : Summary.OTHER;
      declarationsByRule.merge(key, 1L, Long::sum);
    }
    if (declarations.wanted(failing)) {
      declarations.add(failing, "<tr>" + head + "<td>" + outcomeCell(outcome) + "</td><td>" + errors + "</td><td>"
          + warnings + "</td></tr>\n");
    } else {
      declarations.skip();
    }
  }

  @Override
  public void finish(Summary s, WaiverNotes notes) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write("<!DOCTYPE html>\n<html lang=\"" + esc(context.language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n");
    w.write("<title>" + label("html.title") + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
    w.write("<header>\n<h1>" + label("html.title") + "</h1>\n<p class=\"meta\">"
        + label("html.meta", "version", context.toolVersion(), "rules", context.catalogue().size()) + "</p>\n"
        + (context.pack() == null ? "" : "<p class=\"meta\">" + esc(context.pack().line()) + "</p>\n")
        + "</header>\n<main>\n");
    w.write("<section class=\"cards\" aria-label=\"" + label("html.summary") + "\">\n");
    card(w, "declarations", "", s.declarations());
    card(w, "passed", "pass", s.passed());
    card(w, "failed", "fail", s.failed());
    card(w, "invalid", "invalid", s.invalid());
    card(w, "warnings", "warning", s.warnings());
    card(w, "waived", "waived", s.waived());
    w.write("</section>\n");

    w.write("<section class=\"charts\">\n");
    outcomeChart(w, "chart-products", text("html.chart.products"), s.byProduct(),
        s.invalid() > 0 ? text("html.chart.invalidNote", "invalid", num(s.invalid())) : null);
    ruleChart(w, s.byRule(), s.declarations());
    outcomeChart(w, "chart-crossings", text("html.chart.crossings"), s.byCrossing(), null);
    w.write("</section>\n<p class=\"legend\"><span class=\"pass\"></span>" + label("html.legend.passed")
        + "<span class=\"fail\"></span>" + label("html.legend.failed") + "<span class=\"warning\"></span>"
        + label("html.legend.warning") + "<span class=\"info\"></span>" + label("html.legend.info")
        + "<span class=\"waived\"></span>" + label("html.legend.waived") + "</p>\n");

    w.write("<section id=\"findings\">\n<h2>" + label("html.findings") + " <span class=\"note\" id=\"shown\""
        + " data-template=\"" + label("html.filter.shown", "shown", "{0}", "total", "{1}") + "\">(" + num(findings.total()) + ")</span></h2>\n");
    capNote(w, findings, "html.capped.findings");
    w.write("<div class=\"filters\"><input id=\"q\" type=\"search\" aria-label=\"" + label("html.filter") + "\""
        + " placeholder=\"" + label("html.filter.placeholder") + "\">"
        + "<select id=\"severity\" aria-label=\"" + label("html.filter.severity") + "\"><option value=\"\">"
        + label("html.filter.allSeverities") + "</option>");
    for (Severity sev : Severity.values()) {
      w.write("<option value=\"" + sev.label() + "\">" + label("html.severity." + sev.label()) + "</option>");
    }
    w.write("</select><select id=\"outcome\" aria-label=\"" + label("html.filter.outcome") + "\"><option value=\"\">"
        + label("html.filter.allOutcomes") + "</option>");
    for (Outcome o : List.of(Outcome.FAIL, Outcome.INVALID, Outcome.PASS)) {
      w.write("<option value=\"" + o.label() + "\">" + label("html.outcome." + o.label()) + "</option>");
    }
    w.write("</select></div>\n");
    w.write("<table id=\"findings-table\">\n" + columns(FINDING_COLUMNS) + "<thead><tr>"
        + headers("file", "doc", "declaration", "outcome", "rule", "severity", "place", "path", "message")
        + "</tr></thead>\n<tbody>\n");
    w.flush();
    findings.copyTo(out);
    w.write("</tbody>\n</table>\n<p id=\"none\" class=\"note\" hidden>" + label("html.filter.none") + "</p>\n"
        + "</section>\n");

    w.write("<section id=\"waived\">\n<h2>" + label("html.waived", "count", num(waived.total())) + "</h2>\n");
    if (waived.total() == 0) {
      w.write("<p class=\"note\">" + label("html.waived.none") + "</p>\n");
    } else {
      capNote(w, waived, "html.capped.waived");
      w.write("<table id=\"waived-table\">\n" + columns(WAIVED_COLUMNS) + "<thead><tr>"
          + headers("file", "doc", "declaration", "rule", "severity", "place", "path", "message", "waiver")
          + "</tr></thead>\n<tbody>\n");
      w.flush();
      waived.copyTo(out);
      w.write("</tbody>\n</table>\n");
    }
    w.write("</section>\n");

    w.write("<section id=\"waivers\">\n<h2>" + label("html.waivers", "count", notes.expired().size() + notes.unused().size())
        + "</h2>\n");
    if (notes.expired().isEmpty() && notes.unused().isEmpty()) {
      w.write("<p class=\"note\">" + label("html.waivers.none") + "</p>\n");
    } else {
      w.write("<ul>\n");
      for (WaiverNotes.Entry e : notes.expired()) {
        w.write("<li>" + label("html.waivers.expired", "expires", e.expires(), "waiver", TextReporter.describe(e, words), "reason", e.reason()) + "</li>\n");
      }
      for (WaiverNotes.Entry e : notes.unused()) {
        w.write("<li>" + label("html.waivers.unused", "waiver", TextReporter.describe(e, words), "reason", e.reason()) + "</li>\n");
      }
      w.write("</ul>\n");
    }
    w.write("</section>\n");

    w.write("<section id=\"declarations\">\n<details>\n<summary>" + label("html.declarations", "count", num(s.declarations()))
        + "</summary>\n");
    capNote(w, declarations, "html.capped.declarations");
    w.write("<table id=\"declarations-table\">\n" + columns(DECLARATION_COLUMNS) + "<thead><tr>"
        + headers("file", "doc", "declaration", "outcome", "errors", "warnings") + "</tr></thead>\n<tbody>\n");
    w.flush();
    declarations.copyTo(out);
    w.write("</tbody>\n</table>\n</details>\n</section>\n</main>\n");
    w.write("<footer>" + label("html.footer", "version", context.toolVersion()) + "</footer>\n");
    w.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
    w.flush();
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
      b.append("<th>").append(label("html.col." + k)).append("</th>");
    }
    return b.toString();
  }

  private void capNote(Writer w, Rows rows, String what) throws IOException {
    if (rows.shown() < rows.total()) {
      // the options go in as markup, kept on one line: a private-use character marks their place
      w.write("<p class=\"note capped\" id=\"capped-" + what.substring(what.lastIndexOf('.') + 1) + "\">"
          + label("html.capped", "shown", num(rows.shown()), "total", num(rows.total()), "what", text(what),
              "formatOption", "\uE000", "reportOption", "\uE001")
              .replace("\uE000", "<code class=\"cmd\">--format csv</code>")
              .replace("\uE001", "<code class=\"cmd\">--report csv=FILE</code>")
          + "</p>\n");
    }
  }

  private void card(Writer w, String kind, String cssClass, long n) throws IOException {
    w.write("<div class=\"card" + (cssClass.isEmpty() ? "" : " " + cssClass) + "\" id=\"count-" + kind + "\"><b>"
        + num(n) + "</b>" + label("html.card." + kind) + "</div>\n");
  }

  private void outcomeChart(Writer w, String id, String caption, Map<String, Summary.Tally> data, String note)
      throws IOException {
    w.write("<figure id=\"" + id + "\">\n<figcaption>" + esc(caption) + "</figcaption>\n");
    List<Map.Entry<String, Summary.Tally>> rows = new ArrayList<>(data.entrySet());
    rows.sort(Comparator.comparingLong((Map.Entry<String, Summary.Tally> e) -> -e.getValue().total())
        .thenComparing(Map.Entry::getKey));
    long max = rows.stream().mapToLong(e -> e.getValue().total()).max().orElse(1);
    if (rows.isEmpty()) {
      w.write("<p class=\"note\">" + label("html.chart.noReadable") + "</p>\n");
    }
    for (Map.Entry<String, Summary.Tally> e : rows) {
      Summary.Tally t = e.getValue();
      boolean allFailed = t.failed() > 0 && t.passed() == 0;
      w.write("<div class=\"row" + (allFailed ? " all-failed" : "") + "\"><span class=\"key\">" + esc(e.getKey())
          + (allFailed ? " <strong class=\"flag\">" + label("html.chart.allFailed") + "</strong>" : "")
          + "</span><span class=\"bar\">" + segment("pass", t.passed(), max, "html.segment.passed")
          + segment("fail", t.failed(), max, "html.segment.failed") + "</span><span class=\"n\">"
          + label("html.chart.failedOf", "failed", num(t.failed()), "total", num(t.total()), "rate",
              percent(t.failed(), t.total()))
          + "</span></div>\n");
    }
    w.write("<p class=\"legend\">" + label("html.chart.outcomeLegend") + (note == null ? "" : ". " + esc(note))
        + "</p>\n</figure>\n");
  }

  private void ruleChart(Writer w, Map<String, Summary.RuleCount> data, long declarationCount) throws IOException {
    w.write("<figure id=\"chart-rules\">\n<figcaption>" + label("html.chart.rules") + "</figcaption>\n");
    List<Map.Entry<String, Summary.RuleCount>> rows = new ArrayList<>(data.entrySet());
    rows.sort(Comparator.comparingLong((Map.Entry<String, Summary.RuleCount> e) -> -e.getValue().total())
        .thenComparing(Map.Entry::getKey));
    long max = rows.stream().mapToLong(e -> e.getValue().total()).max().orElse(1);
    if (rows.isEmpty()) {
      w.write("<p class=\"note\">" + label("html.chart.noFinding") + "</p>\n");
    }
    for (Map.Entry<String, Summary.RuleCount> e : rows) {
      Summary.RuleCount c = e.getValue();
      String q = "#q=" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8);
      String title = titles.apply(e.getKey());
      long in = declarationsByRule.getOrDefault(e.getKey(), 0L);
      w.write("<div class=\"row\"><span class=\"key\"><a href=\"" + esc(q) + "\">" + esc(e.getKey()) + "</a>"
          + (title == null ? "" : "<small>" + esc(title) + "</small>") + "</span>"
          + "<span class=\"bar\">" + segment("error", c.errors(), max, "html.segment.errors")
          + segment("warning", c.warnings(), max, "html.segment.warnings")
          + segment("info", c.infos(), max, "html.segment.infos")
          + segment("waived", c.waived(), max, "html.segment.waived") + "</span><span class=\"n\">"
          + label("html.chart.ruleCount", "findings", num(c.total()), "declarations", num(in), "total",
              num(declarationCount), "share", percent(in, declarationCount))
          + "</span></div>\n");
    }
    w.write("<p class=\"legend\">" + label("html.chart.ruleLegend") + "</p>\n</figure>\n");
  }

  private String segment(String kind, long n, long max, String labelKey) {
    if (n == 0) {
      return "";
    }
    String width = String.format(Locale.ROOT, "%.2f", 100.0 * n / Math.max(1, max));
    return "<i class=\"" + kind + "\" style=\"width:" + width + "%\" title=\"" + label(labelKey, "count", num(n)) + "\"></i>";
  }

  @Override
  public void close() {
    findings.close();
    waived.close();
    declarations.close();
  }

  /**
   * One table's rows, at most {@code limit} of them shown: those of failing (and invalid)
   * declarations first, in arrival order, then those of passing ones. Each kind is parked in its
   * own spool, and no more than {@code limit} of each is written, so the disk used is bounded too.
   */
  static final class Rows implements AutoCloseable {
    private final int limit;
    private Spool failing;
    private Spool passing;
    private int failingRows;
    private int passingRows;
    /** Where each parked passing row ends in its spool, to copy only as many as fit. */
    private final long[] passingEnds;
    private long passingBytes;
    private long total;

    Rows(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit " + limit);
      }
      this.limit = limit;
      this.passingEnds = new long[limit];
    }

    /** Whether a row of this kind would be kept; when not, call {@link #skip} (and spare building it). */
    boolean wanted(boolean failingDeclaration) {
      return (failingDeclaration ? failingRows : passingRows) < limit;
    }

    void skip() {
      total++;
    }

    void add(boolean failingDeclaration, String row) throws IOException {
      total++;
      if (!wanted(failingDeclaration)) {
        return;
      }
      byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
      if (failingDeclaration) {
        if (failing == null) {
          failing = new Spool();
        }
        failing.stream().write(bytes);
        failingRows++;
      } else {
        if (passing == null) {
          passing = new Spool();
        }
        passing.stream().write(bytes);
        passingBytes += bytes.length;
        passingEnds[passingRows++] = passingBytes;
      }
    }

    long total() {
      return total;
    }

    /** Rows in the report: every parked failing row, then passing rows while there is room. */
    int shown() {
      return failingRows + Math.min(passingRows, limit - failingRows);
    }

    void copyTo(OutputStream out) throws IOException {
      if (failing != null) {
        failing.copyTo(out);
      }
      int room = Math.min(passingRows, limit - failingRows);
      if (room > 0) {
        passing.copyTo(out, passingEnds[room - 1]);
      }
    }

    @Override
    public void close() {
      if (failing != null) {
        failing.close();
      }
      if (passing != null) {
        passing.close();
      }
    }
  }
}
