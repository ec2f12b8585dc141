package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The html report as a user sees it: written by the packaged jar, rendered by headless Chromium
 * (Debian's {@code chromium}; {@code .ci/run} installs it), with its script run. The rendered page
 * must show the summary numbers and every finding, filter from its address, and fit a window 1280
 * px wide however long the names and messages in it. Skipped, saying so, where Chromium is not
 * installed.
 */
class HtmlReportBrowserIT {
  static final Path JAR =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();
  static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

  @TempDir static Path tmp;
  static Path html;
  static JsonNode json;

  @BeforeAll
  static void writeReports() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "check",
                "rules/tests",
                "--quiet",
                "--format",
                "json",
                "--output",
                tmp.resolve("r.json").toString(),
                "--report",
                "html=" + tmp.resolve("report.html"))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log.txt").toFile())
            .start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("log.txt")));
    html = tmp.resolve("report.html");
    json = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
  }

  static String chromium(String... args) throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: no Chromium at "
            + CHROMIUM
            + " (apt-get install chromium; .ci/run installs it in CI)");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "chromium", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "chromium did not finish");
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  static int count(String text, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theRenderedPageShowsTheSummaryAndEveryFinding() throws Exception {
    String dom = chromium("--dump-dom", html.toUri().toString());
    JsonNode s = json.get("summary");
    for (String k : List.of("declarations", "passed", "failed", "invalid")) {
      assertTrue(
          dom.contains("id=\"count-" + k + "\"><b>" + s.get(k).asInt() + "</b>"), k + "\n" + dom);
    }
    int findings = 0;
    for (JsonNode r : json.get("results")) {
      for (JsonNode f : r.get("findings")) {
        findings++;
        assertTrue(dom.contains(">" + f.get("rule").asText() + "</abbr>"), f.toString());
      }
    }
    assertEquals(findings, count(dom, "<tr data-severity="), "a table row per finding");
    // only the script writes this: it ran, and counted every row
    assertTrue(
        dom.contains(">" + findings + " of " + findings + " shown<"),
        "the page script did not run\n" + dom);
    assertTrue(
        dom.contains("Outcomes by product")
            && dom.contains("Findings by rule")
            && dom.contains("Outcomes by border crossing"));
  }

  @Test
  void theTableFiltersFromTheAddress() throws Exception {
    int reg003 = 0;
    int total = 0;
    for (JsonNode r : json.get("results")) {
      for (JsonNode f : r.get("findings")) {
        total++;
        if (f.get("rule").asText().equals("REG-003")) {
          reg003++;
        }
      }
    }
    assertTrue(reg003 > 0);
    String dom = chromium("--dump-dom", html.toUri() + "#q=REG-003");
    assertTrue(dom.contains(">" + reg003 + " of " + total + " shown<"), dom);
    assertEquals(
        total - reg003,
        count(dom, "<tr data-severity=\"[a-z]+\" data-outcome=\"[a-z]+\" hidden=\"\">"));
  }

  /**
   * The page's width as Chromium lays it out in a window {@code width} px wide, every closed
   * section opened. A copy of the report gets a script that writes the width into the DOM; the copy
   * drops the Content-Security-Policy, which would block that script, and changes nothing else.
   */
  static int pageWidth(Path report, int width) throws Exception {
    String page = Files.readString(report, StandardCharsets.UTF_8);
    String csp = "<meta http-equiv=\"Content-Security-Policy\"";
    int cspAt = page.indexOf(csp);
    assertTrue(cspAt > 0);
    page = page.substring(0, cspAt) + page.substring(page.indexOf(">\n", cspAt) + 2);
    page =
        page.replace(
            "</body>",
            "<script>document.querySelectorAll('details').forEach(function (d) { d.open = true; });"
                + "document.body.setAttribute('data-width', String(document.documentElement.scrollWidth) + ' of '"
                + " + String(document.documentElement.clientWidth));</script></body>");
    Path measured = Files.createTempFile(tmp, "measured", ".html");
    Files.writeString(measured, page, StandardCharsets.UTF_8);
    String dom =
        chromium("--window-size=" + width + ",900", "--dump-dom", measured.toUri().toString());
    Matcher m = Pattern.compile("data-width=\"(\\d+) of (\\d+)\"").matcher(dom);
    assertTrue(m.find(), "the measuring script did not run\n" + dom);
    assertTrue(
        Integer.parseInt(m.group(2)) > width - 40,
        "the window is " + width + " px wide: " + m.group());
    return Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(2));
  }

  @Test
  void nothingRunsOffScreenAt1280Pixels() throws Exception {
    assertEquals(0, pageWidth(html, 1280), "px wider than the window");
  }

  /**
   * Long unbroken file names, paths and messages wrap instead of widening the page; the one border
   * crossing, where every declaration failed, is marked in words.
   */
  @Test
  void longNamesWrapAndAnAllFailedCrossingStandsOut() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("long/" + "d".repeat(200)));
    String declaration =
        Files.readString(Path.of("rules/tests/regions/fail-regions.yaml"), StandardCharsets.UTF_8)
            .replace("originRegion: semey ", "originRegion: semey" + "q".repeat(300) + " ");
    Files.writeString(
        dir.resolve("declaration-" + "y".repeat(150) + ".yaml"),
        declaration,
        StandardCharsets.UTF_8);
    Path report = tmp.resolve("long.html");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "check",
                tmp.resolve("long").toString(),
                "--quiet",
                "--format",
                "html",
                "--output",
                report.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("long.log").toFile())
            .start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("long.log")));
    assertTrue(
        Files.readString(report).contains("q".repeat(300)), "the long value is in a message");

    assertEquals(0, pageWidth(report, 1280), "px wider than the window");
    String dom = chromium("--dump-dom", report.toUri().toString());
    String crossings = dom.substring(dom.indexOf("<figure id=\"chart-crossings\">"));
    assertTrue(
        crossings.contains(
                "<div class=\"row all-failed\"><span class=\"key\">dostyk-alashankou"
                    + " <strong class=\"flag\">all failed</strong></span>")
            && crossings.contains("1 of 1 failed · 100%</span>"),
        crossings);
  }

  @Test
  void itRendersToAnImage() throws Exception {
    Path png = tmp.resolve("report.png");
    chromium(
        "--hide-scrollbars",
        "--window-size=1280,1400",
        "--screenshot=" + png,
        html.toUri().toString());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G');
  }
}
