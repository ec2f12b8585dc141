package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.shipcheck.testing.PackCopy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipcheck diff} (re-screening under a new pack), {@code pack info}, the manifest's
 * validation and the stale-data warning, through the command line.
 */
class PackDiffAndInfoTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A passing example whose establishment the suspended copy suspends. */
  static final String PASSING = "shipments/barley-road-pass.yaml";

  @TempDir static Path dir;
  static Path suspended;

  /**
   * A copy of the pack whose register suspends KZ-EST-0102 (the establishment of {@link #PASSING},
   * shipped 2025-10-02) from 2025-06-01: what a monthly register update does to a pending batch.
   */
  @BeforeAll
  static void aPackWithASuspension() throws Exception {
    suspended = PackCopy.of(dir.resolve("suspended"), false);
    Path register = suspended.resolve("data/register.csv");
    String csv = Files.readString(register);
    String row = csv.lines().filter(l -> l.startsWith("KZ-EST-0102,")).findFirst().orElseThrow();
    assertTrue(row.endsWith(",active,2016-05-12"), row);
    Files.writeString(
        register, csv.replace(row, row.replace(",active,2016-05-12", ",suspended,2025-06-01")));
    assertTrue(Files.readString(Path.of(PASSING)).contains("establishment: KZ-EST-0102"));
  }

  @Test
  void identicalPacksChangeNothing() throws Exception {
    Cli.Run r = Cli.run("diff", "--to", "rules", "--format", "json", "shipments");
    assertEquals(0, r.code(), r.err());
    JsonNode d = JSON.readTree(r.out());
    assertEquals(d.get("from"), d.get("to"));
    assertEquals(0, d.get("changes").size(), r.out());
    assertEquals(0, d.get("summary").get("changed").asInt());
    assertEquals(0, d.get("summary").get("data").size());
    Cli.Run text = Cli.run("diff", "--to", "rules", "shipments");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("the packs hold the same files\n"), text.out());
    assertTrue(text.out().contains(" declarations: 0 changed ("), text.out());
  }

  @Test
  void aRegisterSuspensionTurnsAPassIntoAFailWithExitOne() throws Exception {
    Cli.Run r = Cli.run("diff", "--to", suspended.toString(), "--format", "json", PASSING);
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode d = JSON.readTree(r.out());
    assertEquals(List.of("from", "to", "summary", "changes"), fieldNames(d));
    assertEquals(List.of("name", "version", "effective", "sha256"), fieldNames(d.get("to")));
    assertTrue(!d.get("from").get("sha256").equals(d.get("to").get("sha256")));
    JsonNode data = d.get("summary").get("data").get(0);
    assertEquals("data/register.csv", data.get("file").asText());
    assertEquals("[\"KZ-EST-0102\"]", data.get("changed").toString());
    JsonNode c = d.get("changes").get(0);
    assertEquals(
        List.of("file", "document", "id", "from", "to", "added", "removed"), fieldNames(c));
    assertEquals(PASSING, c.get("file").asText());
    assertEquals("pass", c.get("from").asText());
    assertEquals("fail", c.get("to").asText());
    assertEquals("REG-002", c.get("added").get(0).get("rule").asText());
    assertEquals("items[0].establishment", c.get("added").get(0).get("path").asText());
    assertEquals(0, c.get("removed").size());

    Path sarif = dir.resolve("new.sarif");
    assertEquals(
        1,
        Cli.run("diff", "--to", suspended.toString(), "--sarif", sarif.toString(), "shipments")
            .code());
    int fresh = 0;
    int unchanged = 0;
    for (JsonNode res : JSON.readTree(sarif.toFile()).at("/runs/0/results")) {
      String state = res.get("baselineState").asText();
      boolean suspendedRow =
          res.get("ruleId").asText().equals("REG-002")
              && res.get("message")
                  .get("text")
                  .asText()
                  .contains(
                      "KZ-EST-0102 (Akmola Astyk LLP (fictitious sample)) is suspended since 2025-06-01");
      assertEquals(suspendedRow ? "new" : "unchanged", state, res.toString());
      fresh += suspendedRow ? 1 : 0;
      unchanged += suspendedRow ? 0 : 1;
    }
    assertTrue(fresh >= 1 && unchanged > fresh, fresh + " new, " + unchanged + " unchanged");

    Cli.Run csv = Cli.run("diff", "--to", suspended.toString(), "--format", "csv", PASSING);
    assertEquals(1, csv.code(), csv.err());
    assertTrue(
        csv.out()
            .startsWith(
                "file,document,declaration,from,to,change,rule,severity,path,line,message\r\n"
                    + PASSING
                    + ",1,KZ-CN-2025-000455,pass,fail,added,REG-002,error,items[0].establishment,20,"),
        csv.out());

    // the other way round a failure goes: nothing newly fails, exit 0
    Path backSarif = dir.resolve("back.sarif");
    Cli.Run back =
        Cli.run(
            "diff",
            "--from",
            suspended.toString(),
            "--to",
            "rules",
            "--sarif",
            backSarif.toString(),
            PASSING);
    JsonNode absent = JSON.readTree(backSarif.toFile()).at("/runs/0/results/0");
    assertEquals("REG-002", absent.get("ruleId").asText());
    assertEquals("absent", absent.get("baselineState").asText());
    assertEquals(0, back.code(), back.err());
    assertTrue(
        back.out().contains("FAIL -> PASS  " + PASSING + " KZ-CN-2025-000455\n    - REG-002 error"),
        back.out());
  }

  @Test
  void diffUsageAndPackErrors() {
    assertEquals(2, Cli.run("diff", "--to", "no-such-pack", PASSING).code());
    assertEquals(2, Cli.run("diff", PASSING).code(), "--to is required");
    assertEquals(2, Cli.run("diff", "--to", "rules", "--format", "xml", PASSING).code());
  }

  @Test
  void packInfoOfTheBundledPack() throws Exception {
    Cli.Run r = Cli.run("pack", "info", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode info = JSON.readTree(r.out());
    assertEquals("shipcheck-kz-cn", info.get("name").asText());
    assertEquals("2026.12.0", info.get("version").asText());
    assertEquals("2026-12-02", info.get("effective").asText());
    assertTrue(info.get("sha256").asText().matches("[0-9a-f]{64}"));
    JsonNode rates = null;
    JsonNode drl = null;
    for (JsonNode f : info.get("files")) {
      if (f.get("path").asText().equals("data/rates.yaml")) {
        rates = f;
      }
      if (f.get("path").asText().equals("access.drl")) {
        drl = f;
      }
    }
    assertEquals("2025-01-01", rates.get("asOf").asText());
    assertTrue(drl.get("asOf").isNull(), "a file the manifest does not date has asOf null");
    JsonNode latest = info.get("changelog").get(info.get("changelog").size() - 1);
    assertEquals("2026-12-02", latest.get("date").asText());
    assertTrue(
        latest.get("changes").get(0).asText().startsWith("FMD lifting of 2024-02-07 is regional"));
  }

  @Test
  void packInfoOfACustomPackWithoutManifest() throws Exception {
    Cli.Run r = Cli.run("pack", "info", TestCommandTest.EXAMPLE_PACK, "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode info = JSON.readTree(r.out());
    assertEquals("unnamed", info.get("name").asText());
    assertEquals("unversioned", info.get("version").asText());
    assertTrue(info.get("effective").isNull());
    assertTrue(info.get("sha256").asText().matches("[0-9a-f]{64}"));
    assertEquals(0, info.get("changelog").size());
    Cli.Run check =
        Cli.run(
            "check",
            "--rules",
            TestCommandTest.EXAMPLE_PACK,
            "--format",
            "json",
            "--quiet",
            TestCommandTest.EXAMPLE_PACK + "/tests/company/pass-fresh.yaml");
    assertEquals(0, check.code(), check.err());
    JsonNode pack = JSON.readTree(check.out()).get("pack");
    assertEquals("unnamed", pack.get("name").asText());
    assertTrue(pack.get("effective").isNull(), "the key is there, null");
    assertEquals(info.get("sha256"), pack.get("sha256"));
  }

  @Test
  void aMalformedManifestIsAPackErrorWithItsLine(@TempDir Path tmp) throws Exception {
    Path copy = PackCopy.of(tmp.resolve("pack"), false);
    Path manifest = copy.resolve("pack.yaml");
    Files.writeString(
        manifest,
        Files.readString(manifest).replace("effective: 2026-12-02", "effective: 2026-13-02"));
    int line =
        1
            + (int)
                Files.readString(manifest)
                    .lines()
                    .takeWhile(l -> !l.startsWith("effective:"))
                    .count();
    Cli.Run r = Cli.run("check", "--rules", copy.toString(), PASSING);
    assertEquals(3, r.code(), r.err());
    assertEquals(
        "error: "
            + copy
            + "/pack.yaml:"
            + line
            + ":12: 'effective' must be a date (yyyy-mm-dd) that exists,"
            + " found '2026-13-02'\n",
        r.err());
  }

  /**
   * The stale-data warning, on with a manifest whose asOf dates are fixed far in the past (so the
   * test never depends on today's date), and off again with a limit no date reaches.
   */
  @Test
  void staleDataIsOneWarningPerFileAndNeverAFinding(@TempDir Path tmp) throws Exception {
    Path copy = PackCopy.of(tmp.resolve("old"), false);
    Path manifest = copy.resolve("pack.yaml");
    Files.writeString(
        manifest,
        Files.readString(manifest).replaceAll("asOf: \\d{4}-\\d\\d-\\d\\d", "asOf: 2001-01-01"));
    Cli.Run fresh =
        Cli.run("check", "--rules", copy.toString(), "--format", "json", "--quiet", PASSING);
    Cli.Run r =
        Cli.run(
            "check",
            "--rules",
            copy.toString(),
            "--max-data-age",
            "30",
            "--format",
            "json",
            "--quiet",
            PASSING);
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(10, lines.size(), r.err());
    assertTrue(
        lines
            .get(0)
            .matches(
                "warning: "
                    + java.util.regex.Pattern.quote(copy.toString())
                    + "/data/certificates\\.yaml is \\d{4,} days old \\(asOf 2001-01-01\\); check for newer data"),
        lines.get(0));
    assertEquals(fresh.out(), r.out(), "the report does not change");
    Cli.Run off =
        Cli.run(
            "check", "--rules", copy.toString(), "--max-data-age", "999999", "--quiet", PASSING);
    assertEquals("", off.err());
    assertEquals(2, Cli.run("check", "--max-data-age", "-1", PASSING).code());
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
