package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.Test;

/**
 * What a declaration id may hold (docs/declaration-format.md): printable text compared trimmed and
 * in NFC; control, format, private-use and lone surrogate characters, line and paragraph
 * separators, spaces other than U+0020 and letters of more than one of the Latin, Greek and
 * Cyrillic scripts make the document invalid at the id.
 */
class DeclarationIdsTest {
  private static final String DOC =
      """
      # a comment line
      id: %s
      shipDate: 2025-11-12
      exporter: {name: Ertis Pork LLP, bin: "190640005554"}
      items:
        - {product: pork}
      """;

  private final DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);

  private ReadDocument read(String idAsWritten) {
    return reader
        .readBytes("t.yaml", DOC.formatted(idAsWritten).getBytes(StandardCharsets.UTF_8))
        .get(0);
  }

  private void assertRefused(String idAsWritten, String text) {
    ReadDocument d = read(idAsWritten);
    assertEquals(1, d.problems().size(), idAsWritten + ": " + d.problems());
    InputProblem p = d.problems().get(0);
    assertEquals("INPUT-TYPE", p.rule());
    assertEquals("id", p.path());
    assertEquals("2:5", p.line() + ":" + p.column());
    assertTrue(p.getMessage().contains(text), p.getMessage());
    assertNull(d.id(), "an unreadable id is not reported as the declaration's id");
  }

  @Test
  void invisibleAndAmbiguousCharactersAreRefusedAtTheId() {
    assertRefused("\"KZ-1\\u200B\"", "U+200B ZERO WIDTH SPACE (an invisible format character)");
    assertRefused("KZ-1\u200B", "'KZ-1\\u200B'");
    assertRefused("\"\\uFEFFKZ-1\"", "U+FEFF");
    assertRefused("KZ-\u202E1-ZK", "U+202E RIGHT-TO-LEFT OVERRIDE");
    assertRefused("KZ-\u00AD1", "U+00AD SOFT HYPHEN");
    assertRefused("\"KZ\\t1\"", "a control character");
    assertRefused("\"KZ-1\\n\"", "U+000A");
    assertRefused("\"KZ\\e[2J\"", "U+001B");
    assertRefused("\"KZ-1\\L\"", "a line break");
    assertRefused("\"KZ-1\\P\"", "a line break");
    assertRefused("KZ\u00A01", "a space that is not U+0020");
    assertRefused("KZ\u30001", "a space that is not U+0020");
    assertRefused("KZ-\uE000", "a private-use character");
    assertRefused("\"KZ-\\uD800\"", "'KZ-\\uD800'");
    assertRefused("\"KZ-\\uDFFF-1\"", "half of a surrogate pair");
    assertRefused(
        "K\u0417-1", "mixes Latin and Cyrillic letters (U+0417 CYRILLIC CAPITAL LETTER ZE)");
    assertRefused(
        "KZ-\u0421N-1", "mixes Latin and Cyrillic letters (U+0421 CYRILLIC CAPITAL LETTER ES)");
    assertRefused(
        "KZ-\u039F1", "mixes Latin and Greek letters (U+039F GREEK CAPITAL LETTER OMICRON)");
    assertRefused("\u041a1D", "mixes Cyrillic and Latin letters (U+0044 LATIN CAPITAL LETTER D)");
    assertRefused("\u041f\u0410\u0420\u0422\u0418\u042f-KZ-1", "mixes Cyrillic and Latin");
    assertRefused(
        "\"" + "x".repeat(60_000) + "\\u200B\"", "'" + "x".repeat(100) + "…' holds U+200B");
  }

  @Test
  void printableIdsInAnyOneScriptPerWordAreRead() {
    for (String id :
        new String[] {
          "KZ-CN-2025-000200",
          "партия-№1",
          "ПАРТИЯ-批次-1",
          "批次A1",
          "KZ 1",
          "FX-ÉTÉ-1",
          "FX-E\u0301TE\u0301-1",
          "KZ-\uD83D\uDE9A-1",
          "Ωμέγα-1",
          "'KZ-1 '"
        }) {
      ReadDocument d = read(id);
      assertTrue(
          d.problems().stream().noneMatch(p -> p.path().equals("id")), id + ": " + d.problems());
    }
  }

  @Test
  void idsAreComparedTrimmedAndInNfc() {
    assertEquals("KZ-1", InputRules.idKey(" KZ-1  "));
    assertEquals("FX-\u00C9T\u00C9-1", InputRules.idKey("FX-E\u0301TE\u0301-1"));
    assertEquals(InputRules.idKey("FX-\u00C9T\u00C9-1"), InputRules.idKey("FX-E\u0301TE\u0301-1 "));
    // NFC, not NFKC: a ligature or a full-width letter stays itself (and a reader sees it differ)
    assertEquals("\uFB01le", InputRules.idKey("\uFB01le"));
    assertEquals("KZ-1", InputRules.idKey("KZ-1"));
    assertTrue(!InputRules.idKey("KZ-1").equals(InputRules.idKey("KZ-l")));
  }

  @Test
  void theSchemaPatternAcceptsExactlyTheIdsTheReaderAccepts() {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(InputRules.ID_PATTERN);
    String[] ids = {
      "KZ-CN-2025-000200",
      "партия-№1",
      "ПАРТИЯ-批次-1",
      "批次A1",
      "KZ 1",
      "FX-ÉTÉ-1",
      "FX-E\u0301TE\u0301-1",
      "KZ-\uD83D\uDE9A-1",
      "Ωμέγα-1",
      "KZ-1 ",
      "KZ-1\u200B",
      "\uFEFFKZ",
      "KZ-\u202E1",
      "KZ\t1",
      "KZ-1\n",
      "KZ\u001B[2J",
      "KZ\u2028",
      "KZ\u2029",
      "KZ\u00A01",
      "KZ\u30001",
      "KZ-\uE000",
      "KZ-\uD800",
      "KZ-\uDFFF-1",
      "K\u0417-1",
      "KZ-\u0421N-1",
      "KZ-\u039F1",
      "\u041a1D",
      "\u0391\u0416",
      "KZ-\u2160",
      "x\n\u0416K"
    };
    for (String id : ids) {
      assertEquals(InputRules.idProblem(id) == null, pattern.matcher(id).find(), id);
    }
  }
}
