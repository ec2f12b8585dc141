package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --waivers}: waived findings, expired and unused waivers, in every format. */
class CheckWaiversTest {
  static final String PACK = TestCommandTest.EXAMPLE_PACK;
  static final String BATCH = "src/test/resources/waivers/batch.yaml";
  static final String WAIVERS = "src/test/resources/waivers/accepted.yaml";

  @Test
  void withoutWaiversTheBatchFails() {
    Cli.Run r = Cli.run("check", "--rules", PACK, BATCH);
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out().contains("2 declarations: 1 passed, 1 failed, 0 invalid, 1 warning\n"), r.out());
  }

  /** The text report's last line: the example pack has no manifest, so only its sha256 names it. */
  private static String packLine() {
    try {
      return kz.shipcheck.pack.PackId.of(
                  kz.shipcheck.pack.PackFiles.fromDirectory(java.nio.file.Path.of(PACK)))
              .line()
          + "\n";
    } catch (kz.shipcheck.pack.PackException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void textShowsWaivedFindingsInPlaceAndTheWaiversThatDidNotApply() {
    Cli.Run r = Cli.run("check", "--rules", PACK, BATCH, "--waivers", WAIVERS);
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(
        BATCH
            + ":8:21: waived warning COMPANY-001 produced on 2025-07-01, more than 90 days before the ship date"
            + " 2025-11-12 [items[0].productionDate]\n"
            + "    waived: buyer accepted older stock, contract 2025/114 (approved by compliance@ishim-grain.kz,"
            + " expires 2026-01-01)\n"
            + "PASS "
            + BATCH
            + " MY-2025-0101\n"
            + BATCH
            + ":10:5: error BATCH-001 declaration id 'MY-2025-0101' was already used earlier in this batch [id]\n"
            + "    hint: give every declaration its own id\n"
            + "FAIL "
            + BATCH
            + " (document 2) MY-2025-0101\n"
            // the BATCH-001 waiver expires on the ship date itself: it no longer applies
            + "waiver expired on 2025-11-12: BATCH-001 for MY-2025-01?? (line 7)\n"
            + "waiver matched nothing: COMPANY-001 for OTHER-* (line 12)\n"
            + "\n2 declarations: 1 passed, 1 failed, 0 invalid, 1 waived\n"
            + "failing rules: BATCH-001 (1)\n"
            + packLine(),
        r.out());
  }

  @Test
  void asOfJudgesWaiversOnThatDateToo() {
    Cli.Run r =
        Cli.run("check", "--rules", PACK, BATCH, "--waivers", WAIVERS, "--as-of", "2025-11-11");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains(":10:5: waived error BATCH-001 "), r.out());
    assertTrue(
        r.out().endsWith("2 declarations: 2 passed, 0 failed, 0 invalid, 2 waived\n" + packLine()),
        r.out());

    r = Cli.run("check", "--rules", PACK, BATCH, "--waivers", WAIVERS, "--as-of", "2026-01-01");
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "waiver expired on 2026-01-01: COMPANY-001 for MY-2025-* at items[*].productionDate (line 1)"),
        r.out());
  }

  @Test
  void aWaivedWarningNoLongerFailsUnderFailOnWarning() {
    Cli.Run r =
        Cli.run("check", "--rules", PACK, BATCH, "--fail-on", "warning", "--as-of", "2025-11-11");
    assertEquals(1, r.code());
    r =
        Cli.run(
            "check",
            "--rules",
            PACK,
            BATCH,
            "--fail-on",
            "warning",
            "--as-of",
            "2025-11-11",
            "--waivers",
            WAIVERS);
    assertEquals(0, r.code(), r.out());
  }

  @Test
  void jsonCarriesWaivedFindingsTheCountAndTheNotes() throws Exception {
    Cli.Run r = Cli.run("check", "--rules", PACK, BATCH, "--waivers", WAIVERS, "--format", "json");
    assertEquals(1, r.code(), r.err());
    // stderr: the waivers that did not apply, then the counts (the waived ones among them)
    assertTrue(
        r.err()
            .startsWith(
                "waiver expired on 2025-11-12: BATCH-001 for MY-2025-01?? ("
                    + WAIVERS
                    + ":7)\n"
                    + "waiver matched nothing: COMPANY-001 for OTHER-* ("
                    + WAIVERS
                    + ":12)\n"
                    + "2 declarations: 1 passed, 1 failed, 0 invalid"),
        r.err());
    assertTrue(r.err().contains("1 waived"), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(1, doc.at("/summary/waived").asInt());
    assertEquals(1, doc.at("/summary/failed").asInt());
    JsonNode waived = doc.at("/results/0/findings/0/waived");
    assertEquals("buyer accepted older stock, contract 2025/114", waived.get("reason").asText());
    assertEquals("2026-01-01", waived.get("expires").asText());
    assertEquals("compliance@ishim-grain.kz", waived.get("approvedBy").asText());
    assertEquals("pass", doc.at("/results/0/outcome").asText());
    assertTrue(doc.at("/results/1/findings/0/waived").isMissingNode());
    assertEquals("BATCH-001", doc.at("/waivers/expired/0/rule").asText());
    assertEquals(7, doc.at("/waivers/expired/0/line").asInt());
    assertEquals("OTHER-*", doc.at("/waivers/unused/0/declaration").asText());
  }

  @Test
  void jsonLinesCarryWaivedFindings() throws Exception {
    Cli.Run r = Cli.run("check", "--rules", PACK, BATCH, "--waivers", WAIVERS, "--format", "jsonl");
    String[] lines = r.out().split("\n");
    assertEquals(2, lines.length, r.out());
    // jsonl has no place for the notes: they go to stderr with the counts
    assertTrue(r.err().contains("waiver matched nothing: COMPANY-001 for OTHER-*"), r.err());
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals("pass", first.get("outcome").asText());
    assertEquals("2026-01-01", first.at("/findings/0/waived/expires").asText());
  }

  @Test
  void aMissingWaiversFileIsAUsageError() {
    Cli.Run r = Cli.run("check", "--rules", PACK, BATCH, "--waivers", "no/such/waivers.yaml");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals("error: --waivers: no/such/waivers.yaml: no such file\n", r.err());
  }

  @Test
  void aBrokenWaiversFileStopsWithItsPlace(@TempDir Path dir) throws Exception {
    Path w = dir.resolve("w.yaml");
    Files.writeString(
        w,
        """
        - rule: COMPANY-001
          declaration: MY-*
          reason: fine
          expires: 2026-13-01
          approvedBy: me
        """);
    Cli.Run r = Cli.run("check", "--rules", PACK, BATCH, "--waivers", w.toString());
    assertEquals(3, r.code());
    assertEquals("", r.out());
    assertEquals(
        "error: "
            + w
            + ":4:12: 'expires' must be a date (yyyy-mm-dd) that exists, found '2026-13-01'\n",
        r.err());

    Files.writeString(w, "- rule: COMPANY-01\n  declaration: MY-*\n");
    r = Cli.run("check", "--rules", PACK, BATCH, "--waivers", w.toString());
    assertEquals(3, r.code());
    assertEquals(
        "error: " + w + ":1:9: unknown rule 'COMPANY-01'; did you mean COMPANY-001?\n", r.err());
  }

  @Test
  void helpDescribesTheOption() {
    Cli.Run r = Cli.run("check", "--help");
    assertTrue(r.out().contains("--waivers=FILE"), r.out());
  }
}
