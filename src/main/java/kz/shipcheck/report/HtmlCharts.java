package kz.shipcheck.report;

import static kz.shipcheck.report.HtmlText.esc;
import static kz.shipcheck.report.HtmlText.num;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Summary;

/**
 * The html report's bar charts (plain CSS): outcomes by product and by border crossing, with
 * failure rates and a mark in words on a group where every declaration failed, and findings by rule
 * with the share of declarations each rule touched. They cover the whole batch, however many table
 * rows the page holds.
 */
final class HtmlCharts {
  private final HtmlText t;

  /** A rule's title by id. */
  private final Function<String, String> titles;

  /** Declarations with at least one finding of a rule, by rule id (pooled like {@link Summary}). */
  private final Map<String, Long> declarationsByRule = new TreeMap<>();

  HtmlCharts(HtmlText t, Function<String, String> titles) {
    this.t = t;
    this.titles = titles;
  }

  /** Counts the declaration once under each rule it has a finding of, waived ones included. */
  void count(DeclarationResult r) {
    Set<String> ruleIds = new HashSet<>();
    for (Finding f : r.findings()) {
      ruleIds.add(f.rule());
    }
    for (String rule : ruleIds) {
      String key =
          declarationsByRule.containsKey(rule) || declarationsByRule.size() < Summary.MAX_KEYS
              ? rule
              : Summary.OTHER;
      declarationsByRule.merge(key, 1L, Long::sum);
    }
  }

  /** The charts section and the legend under it. */
  void write(Writer w, Summary s) throws IOException {
    w.write("<section class=\"charts\">\n");
    outcomeChart(
        w,
        "chart-products",
        t.text("html.chart.products"),
        s.byProduct(),
        s.invalid() > 0 ? t.text("html.chart.invalidNote", "invalid", num(s.invalid())) : null);
    ruleChart(w, s.byRule(), s.declarations());
    outcomeChart(w, "chart-crossings", t.text("html.chart.crossings"), s.byCrossing(), null);
    w.write(
        "</section>\n<p class=\"legend\"><span class=\"pass\"></span>"
            + t.label("html.legend.passed")
            + "<span class=\"fail\"></span>"
            + t.label("html.legend.failed")
            + "<span class=\"warning\"></span>"
            + t.label("html.legend.warning")
            + "<span class=\"info\"></span>"
            + t.label("html.legend.info")
            + "<span class=\"waived\"></span>"
            + t.label("html.legend.waived")
            + "</p>\n");
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

  private void outcomeChart(
      Writer w, String id, String caption, Map<String, Summary.Tally> data, String note)
      throws IOException {
    w.write("<figure id=\"" + id + "\">\n<figcaption>" + esc(caption) + "</figcaption>\n");
    List<Map.Entry<String, Summary.Tally>> rows = new ArrayList<>(data.entrySet());
    rows.sort(
        Comparator.comparingLong((Map.Entry<String, Summary.Tally> e) -> -e.getValue().total())
            .thenComparing(Map.Entry::getKey));
    long max = rows.stream().mapToLong(e -> e.getValue().total()).max().orElse(1);
    if (rows.isEmpty()) {
      w.write("<p class=\"note\">" + t.label("html.chart.noReadable") + "</p>\n");
    }
    for (Map.Entry<String, Summary.Tally> e : rows) {
      Summary.Tally n = e.getValue();
      boolean allFailed = n.failed() > 0 && n.passed() == 0;
      w.write(
          "<div class=\"row"
              + (allFailed ? " all-failed" : "")
              + "\"><span class=\"key\">"
              + esc(e.getKey())
              + (allFailed
                  ? " <strong class=\"flag\">" + t.label("html.chart.allFailed") + "</strong>"
                  : "")
              + "</span><span class=\"bar\">"
              + segment("pass", n.passed(), max, "html.segment.passed")
              + segment("fail", n.failed(), max, "html.segment.failed")
              + "</span><span class=\"n\">"
              + t.label(
                  "html.chart.failedOf",
                  "failed",
                  num(n.failed()),
                  "total",
                  num(n.total()),
                  "rate",
                  percent(n.failed(), n.total()))
              + "</span></div>\n");
    }
    w.write(
        "<p class=\"legend\">"
            + t.label("html.chart.outcomeLegend")
            + (note == null ? "" : ". " + esc(note))
            + "</p>\n</figure>\n");
  }

  private void ruleChart(Writer w, Map<String, Summary.RuleCount> data, long declarationCount)
      throws IOException {
    w.write(
        "<figure id=\"chart-rules\">\n<figcaption>"
            + t.label("html.chart.rules")
            + "</figcaption>\n");
    List<Map.Entry<String, Summary.RuleCount>> rows = new ArrayList<>(data.entrySet());
    rows.sort(
        Comparator.comparingLong((Map.Entry<String, Summary.RuleCount> e) -> -e.getValue().total())
            .thenComparing(Map.Entry::getKey));
    long max = rows.stream().mapToLong(e -> e.getValue().total()).max().orElse(1);
    if (rows.isEmpty()) {
      w.write("<p class=\"note\">" + t.label("html.chart.noFinding") + "</p>\n");
    }
    for (Map.Entry<String, Summary.RuleCount> e : rows) {
      Summary.RuleCount c = e.getValue();
      String q = "#q=" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8);
      String title = titles.apply(e.getKey());
      long in = declarationsByRule.getOrDefault(e.getKey(), 0L);
      w.write(
          "<div class=\"row\"><span class=\"key\"><a href=\""
              + esc(q)
              + "\">"
              + esc(e.getKey())
              + "</a>"
              + (title == null ? "" : "<small>" + esc(title) + "</small>")
              + "</span>"
              + "<span class=\"bar\">"
              + segment("error", c.errors(), max, "html.segment.errors")
              + segment("warning", c.warnings(), max, "html.segment.warnings")
              + segment("info", c.infos(), max, "html.segment.infos")
              + segment("waived", c.waived(), max, "html.segment.waived")
              + "</span><span class=\"n\">"
              + t.label(
                  "html.chart.ruleCount",
                  "findings",
                  num(c.total()),
                  "declarations",
                  num(in),
                  "total",
                  num(declarationCount),
                  "share",
                  percent(in, declarationCount))
              + "</span></div>\n");
    }
    w.write("<p class=\"legend\">" + t.label("html.chart.ruleLegend") + "</p>\n</figure>\n");
  }

  private String segment(String kind, long n, long max, String labelKey) {
    if (n == 0) {
      return "";
    }
    String width = String.format(Locale.ROOT, "%.2f", 100.0 * n / Math.max(1, max));
    return "<i class=\""
        + kind
        + "\" style=\"width:"
        + width
        + "%\" title=\""
        + t.label(labelKey, "count", num(n))
        + "\"></i>";
  }
}
