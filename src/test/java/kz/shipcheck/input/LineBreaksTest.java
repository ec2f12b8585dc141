package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.Test;

/**
 * Every line number is the one an editor and {@code grep -n} show: lines end at a line feed only.
 * The characters YAML 1.1 also takes for line breaks (U+0085, U+2028, U+2029, a carriage return
 * alone) make the document invalid at their own line and column, wherever they stand, so that no
 * text hidden behind them on one line is read as another.
 */
class LineBreaksTest {
  private static final String DOC =
      """
      id: KZ-1
      shipDate: 2025-11-12
      exporter: {name: Ertis Pork LLP, bin: "190640005554"}
      items:
        - product: beef
          form: frozen
          originRegion: almaty-region
          storageTemperatureC: -20 # reefer log
          packaging: {registrationMarked: true}
      """;

  private static final String HIDDEN = "    heatTreatment: {coreTemperatureC: 72, minutes: 30}";

  private final DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);

  private List<ReadDocument> read(String text) {
    return reader.readBytes("t.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertAt(ReadDocument d, int line, int column, String text) {
    assertEquals(1, d.problems().size(), d.problems().toString());
    InputProblem p = d.problems().get(0);
    assertEquals("INPUT-SYNTAX", p.rule(), p.getMessage());
    assertEquals(line + ":" + column, p.line() + ":" + p.column(), p.getMessage());
    assertTrue(p.getMessage().contains(text), p.getMessage());
  }

  @Test
  void aHiddenBreakInACommentCannotAddAKey() {
    for (char c : new char[] {'\u2028', '\u2029', '\u0085', '\r'}) {
      String attack = DOC.replace("# reefer log", "# reefer log" + c + HIDDEN);
      ReadDocument d = read(attack).get(0);
      assertTrue(
          !d.isValid(), "U+" + Integer.toHexString(c) + " read as valid: " + d.declaration());
      // line 8 as grep counts it; column 42 is the character after "    storageTemperatureC: -20 #
      // reefer log"
      assertAt(d, 8, 42, c == '\r' ? "carriage return" : String.format("U+%04X", (int) c));
    }
  }

  @Test
  void aHiddenBreakInAPlainOrQuotedValueIsRefusedToo() {
    assertAt(read(DOC.replace("Ertis Pork LLP", "Ertis\u2028Pork LLP")).get(0), 3, 23, "U+2028");
    assertAt(
        read(DOC.replace("Ertis Pork LLP", "\"Ertis\u2029Pork LLP\"")).get(0), 3, 24, "U+2029");
    assertAt(read(DOC.replace("Ertis Pork LLP", "'Ertis\u0085Pork LLP'")).get(0), 3, 24, "U+0085");
  }

  @Test
  void theColumnCountsCharactersNotBytesOrUtf16Units() {
    // a Cyrillic letter (two UTF-8 bytes) and an emoji (two UTF-16 units) before it: one column
    // each
    assertAt(
        read(DOC.replace("# reefer log", "# журнал \uD83D\uDE9A\u2028")).get(0), 8, 40, "U+2028");
  }

  @Test
  void theOtherDocumentsOfTheFileAreReadAndKeepTheirLines() {
    String hidden = DOC.replace("# reefer log", "# reefer log\u2028" + HIDDEN);
    List<ReadDocument> docs = read(DOC + "---\n" + hidden + "---\n" + DOC.replace("KZ-1", "KZ-3"));
    assertEquals(3, docs.size());
    assertTrue(docs.get(0).isValid(), docs.get(0).problems().toString());
    assertAt(docs.get(1), 18, 42, "U+2028");
    assertTrue(docs.get(2).isValid(), docs.get(2).problems().toString());
    assertEquals(21, docs.get(2).locations().find("id")[0]);
    assertEquals(28, docs.get(2).locations().find("items[0].storageTemperatureC")[0]);
  }

  @Test
  void crlfBomAndTabsKeepTheLinesAndColumnsGrepShows() {
    // a byte-order mark, CRLF line ends, a tab inside a quoted value, a lone CR only in a later
    // file
    String text =
        DOC.replace("Ertis Pork LLP", "\"Ertis\tPork\"").replace("\n", "\r\n")
            + "---\r\n"
            + DOC.replace("KZ-1", "KZ-2").replace("\n", "\r\n");
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[body.length + 3];
    all[0] = (byte) 0xEF;
    all[1] = (byte) 0xBB;
    all[2] = (byte) 0xBF;
    System.arraycopy(body, 0, all, 3, body.length);
    List<ReadDocument> docs = reader.readBytes("crlf.yaml", all);
    assertEquals(2, docs.size());
    for (ReadDocument d : docs) {
      assertTrue(d.isValid(), d.problems().toString());
    }
    assertEquals("Ertis\tPork", docs.get(0).declaration().getExporterName());
    assertEquals(8, docs.get(0).locations().find("items[0].storageTemperatureC")[0]);
    assertEquals(26, docs.get(0).locations().find("items[0].storageTemperatureC")[1]);
    assertEquals(11, docs.get(1).locations().find("id")[0]);
    assertEquals(18, docs.get(1).locations().find("items[0].storageTemperatureC")[0]);
    // the same break refused at the same place in a CRLF file
    String crlfAttack =
        DOC.replace("# reefer log", "# reefer log\u2028" + HIDDEN).replace("\n", "\r\n");
    assertAt(read(crlfAttack).get(0), 8, 42, "U+2028");
  }

  @Test
  void aLoneCarriageReturnIsRefusedButCrlfIsNot() {
    assertTrue(read(DOC.replace("\n", "\r\n")).get(0).isValid());
    assertAt(read(DOC.replace("shipDate", "\rshipDate")).get(0), 2, 1, "carriage return");
    assertAt(read(DOC + "\r").get(0), 10, 1, "carriage return");
  }
}
