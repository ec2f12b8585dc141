package kz.shipcheck.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every word the html report shows, by key, so that a translation replaces this one table and
 * touches no markup. Values are plain text (the reporter escapes them); {@code {0}}, {@code {1}}…
 * stand for the arguments of {@link #text(String, Object...)}. English only for now.
 */
final class HtmlLabels {
  private HtmlLabels() {}

  private static final Map<String, String> EN = new LinkedHashMap<>();

  static {
    put("html.title", "shipcheck report");
    put("html.meta", "shipcheck {0} · {1} rules · each declaration judged by the rules in force on its ship date");
    put("html.summary", "summary");
    put("html.card.declarations", "declarations");
    put("html.card.passed", "passed");
    put("html.card.failed", "failed");
    put("html.card.invalid", "invalid");
    put("html.card.warnings", "warnings");
    put("html.card.waived", "waived");
    put("html.chart.products", "Outcomes by product");
    put("html.chart.crossings", "Outcomes by border crossing");
    put("html.chart.rules", "Findings by rule");
    put("html.chart.noReadable", "No readable declaration.");
    put("html.chart.noFinding", "No finding.");
    put("html.chart.failedOf", "{0} of {1} failed · {2}");
    put("html.chart.allFailed", "all failed");
    put("html.chart.outcomeLegend", "bar: passed / failed declarations; text: failed of all, and the failure rate");
    put("html.chart.invalidNote", "{0} invalid declarations could not be read and have no product.");
    put("html.chart.ruleCount", "{0} in {1} of {2} · {3}");
    put("html.chart.ruleLegend", "findings, in how many of all declarations, and that share; click a rule to filter the table");
    put("html.segment.passed", "{0} passed");
    put("html.segment.failed", "{0} failed");
    put("html.segment.errors", "{0} errors");
    put("html.segment.warnings", "{0} warnings");
    put("html.segment.infos", "{0} infos");
    put("html.segment.waived", "{0} waived");
    put("html.legend.passed", "passed");
    put("html.legend.failed", "failed / error");
    put("html.legend.warning", "warning");
    put("html.legend.info", "info");
    put("html.legend.waived", "waived");
    put("html.findings", "Findings");
    put("html.filter", "filter");
    put("html.filter.placeholder", "Filter by rule, file, declaration, text…");
    put("html.filter.severity", "severity");
    put("html.filter.allSeverities", "all severities");
    put("html.filter.outcome", "outcome");
    put("html.filter.allOutcomes", "all outcomes");
    put("html.filter.shown", "{0} of {1} shown");
    put("html.filter.none", "No finding matches the filter.");
    put("html.capped", "Showing {0} of {1} {2}, those of failing and invalid declarations first; the filter searches"
        + " only these. The full data is in csv or jsonl: run the check again with {3} (or {4}"
        + " beside this report).");
    put("html.capped.findings", "findings");
    put("html.capped.waived", "waived findings");
    put("html.capped.declarations", "declarations");
    put("html.col.file", "File");
    put("html.col.doc", "Doc");
    put("html.col.declaration", "Declaration");
    put("html.col.outcome", "Outcome");
    put("html.col.rule", "Rule");
    put("html.col.severity", "Severity");
    put("html.col.place", "Line:col");
    put("html.col.path", "Path");
    put("html.col.message", "Message");
    put("html.col.waiver", "Waiver");
    put("html.col.errors", "Errors");
    put("html.col.warnings", "Warnings");
    put("html.hint", "hint: {0}");
    put("html.waiver.by", "approved by {0}, expires {1}");
    put("html.waived", "Waived findings ({0})");
    put("html.waived.none", "No finding was waived.");
    put("html.waivers", "Waivers that did not apply ({0})");
    put("html.waivers.none", "None.");
    put("html.waivers.expired", "expired on {0}: {1} — {2}");
    put("html.waivers.unused", "matched no finding: {0} — {1}");
    put("html.declarations", "All declarations ({0})");
    put("html.footer", "Written by shipcheck {0}. The rule pack is a model of public information about the"
        + " Kazakhstan–China protocols, not legal advice.");
    put("html.outcome.pass", "pass");
    put("html.outcome.fail", "fail");
    put("html.outcome.invalid", "invalid");
    put("html.severity.error", "error");
    put("html.severity.warning", "warning");
    put("html.severity.info", "info");
  }

  private static void put(String key, String text) {
    EN.put(key, text);
  }

  /** The label under {@code key}, its {@code {n}} replaced by the arguments; unknown keys fail. */
  static String text(String key, Object... args) {
    String s = EN.get(key);
    if (s == null) {
      throw new IllegalArgumentException("no html label " + key);
    }
    // one pass, so that an argument holding "{1}" (a file name) is never filled in itself
    StringBuilder b = new StringBuilder(s.length() + 32);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int end = s.indexOf('}', i);
      if (c == '{' && end == i + 2 && Character.isDigit(s.charAt(i + 1)) && s.charAt(i + 1) - '0' < args.length) {
        b.append(args[s.charAt(i + 1) - '0']);
        i = end;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Every key, for the test that each one is used and well formed. */
  static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(EN);
  }
}
