package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.shipcheck.testing.PackCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declaration whose values carry line breaks, terminal escape sequences, a right-to-left override
 * and a GitHub workflow command cannot draw a line the tool did not write, in any output a person
 * (or the Actions runner) reads; the structured formats keep the values exact.
 */
class OutputSpoofingTest {
  /** Redraws the line as a fake PASS, then starts a line that is a GitHub annotation. */
  static final String EVIL = "\r\u001b[2KPASS fake.yaml KZ-OK\n::error::x\u202e";

  /**
   * The id itself stays plain: an id with control or format characters makes the document invalid
   * before any rule runs ({@link #aHostileIdIsRefusedAndShownEscaped}).
   */
  static final String ID = "KZ-CN-2025-000001";

  @TempDir Path dir;

  /** YAML double-quoted scalar: JSON's escapes are YAML's. */
  static String q(String s) throws Exception {
    return new ObjectMapper().writeValueAsString(s);
  }

  /** Frozen pork that fails on every hostile value (none of them is a known key). */
  static String declaration() throws Exception {
    return "id: "
        + q(ID)
        + "\n"
        + "shipDate: 2025-11-12\n"
        + "exporter: {name: Ertis Pork LLP, bin: \"190640005554\"}\n"
        + "consignee: {name: Urumqi Grain Import Co., country: CN}\n"
        + "transport:\n"
        + "  mode: rail\n"
        + "  borderCrossing: "
        + q("dostyk-alashankou" + EVIL)
        + "\n"
        + "  containers: [BMOU5182337]\n"
        + "items:\n"
        + "  # a comment that reads backwards: \u202e\n"
        + "  - product: "
        + q("pork" + EVIL)
        + "   # expect: ACCESS-001\n"
        + "    hsCode: \"0203.29\"\n"
        + "    form: frozen\n"
        + "    originRegion: "
        + q("pavlodar" + EVIL)
        + "\n"
        + "    establishment: "
        + q("KZ-EST-0042" + EVIL)
        + "\n"
        + "    productionDate: 2025-11-03\n"
        + "    netWeightKg: 44000\n"
        + "    value: {amount: 98000000, currency: "
        + q("KZT" + EVIL)
        + "}\n"
        + "    storageTemperatureC: -20\n"
        + "    packaging: {registrationMarked: true}\n"
        + "certificates:\n"
        + "  - type: veterinary\n"
        + "    number: "
        + q("KZ-VET-2025-006044" + EVIL)
        + "\n"
        + "    issuedOn: 2025-11-10\n";
  }

  Path evil() throws Exception {
    Path f = dir.resolve("evil.yaml");
    Files.writeString(f, declaration());
    return f;
  }

  /**
   * No character that moves the cursor, starts an escape sequence or reorders the text, and no line
   * the tool did not mean: none starts with PASS or a workflow command (but those allowed).
   */
  static void assertSafe(String output, String... allowedCommandPrefixes) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      boolean raw =
          (c < 0x20 && c != '\n')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x200b && c <= 0x200f)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x2028
              || c == 0x2029
              || c == 0xfeff;
      if (raw) {
        fail(String.format("raw U+%04X at %d in:%n%s", (int) c, i, output));
      }
    }
    for (String line : output.split("\n")) {
      assertFalse(line.startsWith("PASS"), "a PASS line nobody passed: " + line);
      if (line.startsWith("::")) {
        assertTrue(
            List.of(allowedCommandPrefixes).stream().anyMatch(line::startsWith),
            "a workflow command: " + line);
      }
    }
  }

  @Test
  void theTextReportShowsTheValuesEscaped() throws Exception {
    Cli.Run r = Cli.run("check", evil().toString());
    assertEquals(1, r.code(), r.err());
    assertSafe(r.out());
    assertTrue(r.out().contains("FAIL " + evil() + " KZ-CN-2025-000001\n"), r.out());
    assertTrue(r.out().contains(" unknown product 'pork\\r\\x1b[2KPASS"), r.out());
  }

  @Test
  void theSummaryOnStderrShowsThemEscapedAndJsonKeepsThemExact() throws Exception {
    Cli.Run r = Cli.run("check", evil().toString(), "--format", "jsonl");
    assertEquals(1, r.code(), r.err());
    assertSafe(r.err());
    assertTrue(r.err().contains("failed declarations by product: pork\\r\\x1b[2KPASS"), r.err());
    JsonNode line = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    assertEquals(ID, line.get("id").asText());
    assertTrue(
        line.toString()
            .contains(
                new ObjectMapper().writeValueAsString("'pork" + EVIL + "'").replace("\"", "")),
        line.toString());

    Cli.Run json = Cli.run("check", evil().toString(), "--format", "json", "--quiet");
    assertEquals(
        ID,
        new ObjectMapper().readTree(json.out()).get("results").get(0).get("id").asText(),
        json.out());
  }

  @Test
  void theGithubFormatMakesOneAnnotationPerFindingAndNoOther() throws Exception {
    Cli.Run r = Cli.run("check", evil().toString(), "--format", "github");
    assertEquals(1, r.code(), r.err());
    assertSafe(r.out(), "::error file=", "::warning file=", "::notice file=");
    assertSafe(r.err());
    long annotations = r.out().lines().filter(l -> l.startsWith("::")).count();
    assertEquals(5, annotations, r.out());
    // the tool's own line breaks are still GitHub's %0A; the value's are visible escapes
    assertTrue(
        r.out()
            .contains("unknown product 'pork\\r\\x1b[2KPASS fake.yaml KZ-OK\\n::error::x\\u202e'"),
        r.out());
    assertTrue(r.out().contains("%0Ahint: "), r.out());
    assertTrue(r.out().contains("%0Adeclaration KZ-CN-2025-000001"), r.out());
  }

  @Test
  void aHostileIdIsRefusedAndShownEscaped() throws Exception {
    Path f = dir.resolve("evil-id.yaml");
    Files.writeString(f, declaration().replace("id: " + q(ID), "id: " + q(ID + EVIL)));
    for (String format : List.of("text", "github")) {
      Cli.Run r = Cli.run("check", f.toString(), "--format", format);
      assertEquals(1, r.code(), r.err());
      assertSafe(r.out(), "::error file=");
      assertSafe(r.err());
      assertTrue(r.out().contains("INPUT-TYPE"), r.out());
    }
  }

  @Test
  void explainShowsAHostileFixtureEscaped() throws Exception {
    Path pack = PackCopy.of(dir.resolve("pack"), false);
    Files.createDirectories(pack.resolve("tests"));
    Files.writeString(pack.resolve("tests/evil.yaml"), declaration());
    Cli.Run r = Cli.run("explain", "ACCESS-001", "--rules", pack.toString());
    assertEquals(0, r.code(), r.err());
    assertSafe(r.out());
    assertTrue(r.out().contains("# a comment that reads backwards: \\u202e\n"), r.out());
    assertTrue(
        r.out().contains(": error ACCESS-001 unknown product 'pork\\r\\x1b[2KPASS"), r.out());
  }

  @Test
  void testShowsAHostileFixtureEscaped() throws Exception {
    Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
    // expects nothing: every finding is unexpected, and printed with its message
    Files.writeString(
        fixtures.resolve("evil.yaml"), declaration().replace("   # expect: ACCESS-001", ""));
    Cli.Run r = Cli.run("test", fixtures.toString());
    assertEquals(1, r.code(), r.err());
    assertSafe(r.out());
    assertTrue(
        r.out().contains("unexpected  line 11: ACCESS-001 unknown product 'pork\\r\\x1b[2KPASS"),
        r.out());
  }

  @Test
  void rulesShowsAPacksMetadataEscaped() throws Exception {
    Path pack = PackCopy.of(dir.resolve("pack"), false);
    // titles are data beside the rules (messages_en.properties, where \\uXXXX is an escape)
    Path messages = pack.resolve("messages/messages_en.properties");
    Files.writeString(
        messages,
        Files.readString(messages)
            .replace(
                "ACCESS-001.title=The product is one the access list knows\n",
                "ACCESS-001.title=The product is one the access list knows\\u202e\\u001b[2K\n"));
    Cli.Run text = Cli.run("rules", "--rules", pack.toString());
    assertEquals(0, text.code(), text.err());
    assertSafe(text.out());
    assertTrue(
        text.out().contains("The product is one the access list knows\\u202e\\x1b[2K\n"),
        text.out());
    Cli.Run markdown = Cli.run("rules", "--rules", pack.toString(), "--format", "markdown");
    assertEquals(0, markdown.code(), markdown.err());
    assertSafe(markdown.out());
  }

  @Test
  void errorLinesOnStderrShowArgumentsEscaped() throws Exception {
    Cli.Run missing = Cli.run("check", "nothing\n::error::x\u001b[2K.yaml");
    assertEquals(2, missing.code());
    assertSafe(missing.err());
    assertTrue(
        missing.err().startsWith("error: nothing\\n::error::x\\x1b[2K.yaml: no such file"),
        missing.err());

    Cli.Run format = Cli.run("check", evil().toString(), "--format", "x\n::error::x");
    assertEquals(2, format.code());
    assertSafe(format.err());

    Cli.Run option = Cli.run("check", "--no-such\n::error::x", evil().toString());
    assertEquals(2, option.code());
    assertSafe(option.err());

    Cli.Run rule = Cli.run("explain", "NOPE\r\u001b[2K::error::x");
    assertEquals(2, rule.code());
    assertSafe(rule.err());
  }

  @Test
  void waiverLinesOnStderrShowTheWaiverEscaped() throws Exception {
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(
        waivers,
        "- rule: ACCESS-001\n"
            + "  declaration: "
            + q("NONE-*" + EVIL)
            + "\n"
            + "  reason: "
            + q("because" + EVIL)
            + "\n"
            + "  expires: 2026-01-01\n"
            + "  approvedBy: someone\n");
    Cli.Run r =
        Cli.run("check", evil().toString(), "--format", "jsonl", "--waivers", waivers.toString());
    assertEquals(1, r.code(), r.err());
    assertSafe(r.err());
    assertTrue(
        r.err().contains("waiver matched nothing: ACCESS-001 for NONE-*\\r\\x1b[2KPASS"), r.err());
    Cli.Run text = Cli.run("check", evil().toString(), "--waivers", waivers.toString());
    assertSafe(text.out());
  }
}
