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
 * must show the summary numbers and every finding, and filter from its address. Skipped, saying
 * so, where Chromium is not installed.
 */
class HtmlReportBrowserIT {
  static final Path JAR = Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();
  static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

  @TempDir static Path tmp;
  static Path html;
  static JsonNode json;

  @BeforeAll
  static void writeReports() throws Exception {
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
        "check", "rules/tests", "--quiet", "--format", "json", "--output", tmp.resolve("r.json").toString(),
        "--report", "html=" + tmp.resolve("report.html"))
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("log.txt")));
    html = tmp.resolve("report.html");
    json = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
  }

  static String chromium(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM),
        "skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run installs it in CI)");
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
      assertTrue(dom.contains("id=\"count-" + k + "\"><b>" + s.get(k).asInt() + "</b>"), k + "\n" + dom);
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
    assertTrue(dom.contains(">" + findings + " of " + findings + " shown<"), "the page script did not run\n" + dom);
    assertTrue(dom.contains("Outcomes by product") && dom.contains("Findings by rule")
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
    assertEquals(total - reg003, count(dom, "<tr data-severity=\"[a-z]+\" data-outcome=\"[a-z]+\" hidden=\"\">"));
  }

  @Test
  void itRendersToAnImage() throws Exception {
    Path png = tmp.resolve("report.png");
    chromium("--hide-scrollbars", "--window-size=1280,1400", "--screenshot=" + png, html.toUri().toString());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G');
  }
}
