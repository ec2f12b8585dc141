package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.DeclarationResult.Facts;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.Severity;
import kz.shipcheck.result.Summary;
import org.junit.jupiter.api.Test;

/**
 * The html report's own logic on generated results: how many rows each table holds and in which
 * order, the note when rows are left out, failure rates and the all-failed mark, and rule titles.
 * ({@link GoldenReportsTest} pins the whole page for a small batch; HtmlReportBrowserIT renders
 * it.)
 */
class HtmlReporterTest {
  static final WaiverNotes NO_NOTES = new WaiverNotes(List.of(), List.of());

  /** Declaration {@code i}: every third fails with two findings, the rest pass with one warning. */
  static DeclarationResult generated(int i) {
    boolean fails = i % 3 == 0;
    List<Finding> findings = new ArrayList<>();
    if (fails) {
      findings.add(finding("ACCESS-003", Severity.ERROR, "form not admitted #" + i));
      findings.add(finding("REG-004", Severity.ERROR, "establishment not listed #" + i));
    } else {
      findings.add(finding("LABEL-001", Severity.WARNING, "no Chinese label #" + i));
    }
    String crossing = i % 2 == 0 ? "dostyk-alashankou" : "nur-zholy-khorgos";
    return new DeclarationResult(
        "batch/d" + i + ".yaml",
        1,
        "KZ-" + i,
        fails ? Outcome.FAIL : Outcome.PASS,
        findings,
        new Facts(List.of("pork"), crossing, List.of()));
  }

  static Finding finding(String rule, Severity s, String message) {
    return new Finding(rule, s, message, "items[0].form", 3, 5, "ref", "fact", null, null);
  }

  static String render(List<DeclarationResult> results, HtmlReporter.Limits limits)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary s = new Summary();
    try (HtmlReporter r = new HtmlReporter(out, GoldenResults.context(), limits)) {
      for (DeclarationResult d : results) {
        s.add(d);
        r.result(d);
      }
      r.finish(s, NO_NOTES);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static List<DeclarationResult> batch(int n) {
    List<DeclarationResult> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(generated(i));
    }
    return out;
  }

  /** The body rows of one table, in page order. */
  static List<String> rows(String html, String table) {
    int start = html.indexOf("<table id=\"" + table + "\">");
    assertTrue(start >= 0, table);
    String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
    List<String> rows = new ArrayList<>();
    Matcher m = Pattern.compile("<tr[ >].*?</tr>", Pattern.DOTALL).matcher(body);
    while (m.find()) {
      rows.add(m.group());
    }
    return rows;
  }

  @Test
  void aBigBatchShowsTheCappedRowsFailingFirstAndSaysSo() throws IOException {
    // 60 declarations: 20 fail (40 error findings), 40 pass (40 warnings)
    String html = render(batch(60), new HtmlReporter.Limits(25, 30));

    List<String> declarations = rows(html, "declarations-table");
    assertEquals(25, declarations.size());
    for (int k = 0; k < 20; k++) {
      assertTrue(
          declarations.get(k).contains("class=\"o fail\""),
          "the 20 failing ones first: " + declarations.get(k));
    }
    // then passing ones, in arrival order: declarations 1, 2, 4, 5, 7
    List<String> ids =
        declarations.subList(20, 25).stream()
            .map(r -> r.replaceAll(".*?<td>(KZ-\\d+)</td>.*", "$1"))
            .toList();
    assertEquals(List.of("KZ-1", "KZ-2", "KZ-4", "KZ-5", "KZ-7"), ids);
    assertTrue(
        html.contains(
            "Showing 25 of 60 declarations, those of failing and invalid declarations first"),
        html);

    List<String> findings = rows(html, "findings-table");
    assertEquals(30, findings.size());
    assertTrue(
        findings.stream().allMatch(r -> r.contains("data-outcome=\"fail\"")),
        "30 of the 40 failing rows");
    assertTrue(html.contains("Showing 30 of 80 findings"), html);
    assertTrue(
        html.contains(
            "The full data is in csv or jsonl: run the check again with <code class=\"cmd\">--format csv</code>"));

    // the counts and charts still cover the whole batch
    assertTrue(html.contains("id=\"count-declarations\"><b>60</b>"));
    assertTrue(html.contains("id=\"count-failed\"><b>20</b>"));
    assertTrue(html.contains("(80)</span></h2>"), "the heading counts every finding");
    assertTrue(html.contains("20 of 60 failed · 33%"), html);
  }

  @Test
  void failingRowsLeaveRoomForPassingOnesInArrivalOrder() throws IOException {
    // 9 declarations: 3 fail (3, 6, 9), 6 pass
    String html = render(batch(9), new HtmlReporter.Limits(5, 100));
    List<String> ids =
        rows(html, "declarations-table").stream()
            .map(r -> r.replaceAll(".*?<td>(KZ-\\d+)</td>.*", "$1"))
            .toList();
    assertEquals(List.of("KZ-3", "KZ-6", "KZ-9", "KZ-1", "KZ-2"), ids);
    // 6 error rows and 6 warning rows fit under 100: no note for findings
    assertEquals(12, rows(html, "findings-table").size());
    assertFalse(html.contains("id=\"capped-findings\""));
    assertTrue(html.contains("id=\"capped-declarations\""));
  }

  @Test
  void aBatchUnderTheLimitsHasEveryRowAndNoNote() throws IOException {
    String html = render(batch(30), HtmlReporter.Limits.DEFAULT);
    assertEquals(30, rows(html, "declarations-table").size());
    assertEquals(40, rows(html, "findings-table").size());
    assertFalse(html.contains("class=\"note capped\""));
  }

  @Test
  void fiftyThousandDeclarationsMakeASmallPage() throws IOException {
    String html = render(batch(50_000), HtmlReporter.Limits.DEFAULT);
    assertEquals(
        HtmlReporter.Limits.DEFAULT.declarations(), rows(html, "declarations-table").size());
    assertEquals(HtmlReporter.Limits.DEFAULT.findings(), rows(html, "findings-table").size());
    assertTrue(html.contains("Showing 1,000 of 50,000 declarations"));
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    // uncapped, these rows came to about 20 MB
    assertTrue(bytes < 2_000_000, bytes + " bytes");
  }

  @Test
  void ratesNeverRoundToNoneOrAll() {
    assertEquals("0%", HtmlReporter.percent(0, 400));
    assertEquals("<1%", HtmlReporter.percent(1, 400));
    assertEquals("33%", HtmlReporter.percent(1, 3));
    assertEquals(">99%", HtmlReporter.percent(399, 400));
    assertEquals("100%", HtmlReporter.percent(400, 400));
    assertEquals("0%", HtmlReporter.percent(0, 0));
  }

  @Test
  void aCrossingWhereEveryDeclarationFailedIsMarkedInWords() throws IOException {
    List<DeclarationResult> results = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      results.add(
          new DeclarationResult(
              "f" + i + ".yaml",
              1,
              "A-" + i,
              Outcome.FAIL,
              List.of(finding("ACCESS-003", Severity.ERROR, "m")),
              new Facts(List.of("pork"), "maikapchagai-jimunai", List.of())));
    }
    results.add(
        new DeclarationResult(
            "g.yaml",
            1,
            "B-1",
            Outcome.PASS,
            List.of(),
            new Facts(List.of("wheat"), "dostyk-alashankou", List.of())));
    results.add(
        new DeclarationResult(
            "h.yaml",
            1,
            "B-2",
            Outcome.FAIL,
            List.of(finding("ACCESS-003", Severity.ERROR, "m")),
            new Facts(List.of("wheat"), "dostyk-alashankou", List.of())));
    String html = render(results, HtmlReporter.Limits.DEFAULT);
    String crossings = html.substring(html.indexOf("<figure id=\"chart-crossings\">"));
    crossings = crossings.substring(0, crossings.indexOf("</figure>"));
    assertTrue(
        crossings.contains(
            "<div class=\"row all-failed\"><span class=\"key\">maikapchagai-jimunai"
                + " <strong class=\"flag\">all failed</strong></span>"),
        crossings);
    assertTrue(crossings.contains("3 of 3 failed · 100%</span>"), crossings);
    assertTrue(
        crossings.contains("<div class=\"row\"><span class=\"key\">dostyk-alashankou</span>"),
        crossings);
    assertTrue(crossings.contains("1 of 2 failed · 50%</span>"), crossings);
  }

  @Test
  void rulesShowTheirTitlesBesideTheirIds() throws IOException {
    String html = render(batch(3), HtmlReporter.Limits.DEFAULT);
    assertTrue(
        html.contains(
            "<a href=\"#q=REG-004\">REG-004</a><small>Establishment registered for the product</small>"));
    assertTrue(
        html.contains(
            ">REG-004</abbr><div class=\"rt\">Establishment registered for the product</div>"));
    // REG-004 in declaration 3 of 3
    assertTrue(html.contains("1 in 1 of 3 · 33%"), html);
  }

  @Test
  void labelsFillTheirArgumentsOnce() {
    Words words = GoldenResults.words("en");
    assertEquals(
        "hint: {total} and {0}",
        words.text("html.hint", java.util.Map.of("hint", "{total} and {0}")));
    assertEquals(
        "2 of 3 failed · 67%",
        words.text(
            "html.chart.failedOf", java.util.Map.of("failed", "2", "total", "3", "rate", "67%")));
  }

  /**
   * The page says its language, and its labels are the run's (a pack's ru words stand in for a
   * translation).
   */
  @Test
  void thePageIsInTheRunsLanguage() throws IOException {
    ReportContext en = GoldenResults.context();
    Words marked =
        (key, args) -> key.startsWith("html.") ? "[" + key + "]" : en.words().text(key, args);
    ReportContext ru =
        new ReportContext(en.toolVersion(), en.catalogue(), en.pack(), en.failOn(), "ru", marked);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HtmlReporter r = new HtmlReporter(out, ru)) {
      Summary s = new Summary();
      for (DeclarationResult d : batch(3)) {
        s.add(d);
        r.result(d);
      }
      r.finish(s, NO_NOTES);
    }
    String html = out.toString(StandardCharsets.UTF_8);
    assertTrue(html.contains("<html lang=\"ru\">"), html);
    assertTrue(html.contains("<title>[html.title]</title>"), html);
    assertTrue(html.contains("<th>[html.col.message]</th>"), html);
    assertFalse(html.contains(">Findings<"), html);
  }
}
