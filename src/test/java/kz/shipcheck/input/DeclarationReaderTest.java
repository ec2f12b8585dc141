package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.Test;

class DeclarationReaderTest {
  private static final String DOC =
      """
      id: KZ-1
      shipDate: 2025-11-12
      exporter:
        name: Ertis Pork LLP
        bin: 190640005554
      items:
        - product: pork
          hsCode: 0203.29
          netWeightKg: 22000
          packaging: {chineseLabel: true}
      """;

  private final DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);

  private List<ReadDocument> read(String text) {
    return reader.readBytes("t.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsFieldsAndTheirPositions() {
    ReadDocument d = read(DOC).get(0);
    assertTrue(d.isValid(), d.problems().toString());
    assertEquals("KZ-1", d.id());
    assertEquals(LocalDate.of(2025, 11, 12), d.declaration().getShipDate());
    // unquoted numbers where text belongs keep their digits as written
    assertEquals("190640005554", d.declaration().getExporterBin());
    assertEquals("0203.29", d.declaration().getItems().get(0).getHsCode());
    assertEquals(Boolean.TRUE, d.declaration().getItems().get(0).getChineseLabel());
    assertEquals(new BigDecimal("22000"), d.declaration().getItems().get(0).getNetWeightKg());
    assertTrue(java.util.Arrays.equals(new int[] {8, 13}, d.locations().find("items[0].hsCode")));
    // a missing field points at its parent
    assertTrue(java.util.Arrays.equals(new int[] {7, 5}, d.locations().find("items[0].form")));
  }

  @Test
  void byteOrderMarkAndCrlfAreReadNormally() {
    String crlf = DOC.replace("\n", "\r\n");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = crlf.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    ReadDocument d = reader.readBytes("t.yaml", all).get(0);
    assertTrue(d.isValid(), d.problems().toString());
    assertTrue(java.util.Arrays.equals(new int[] {8, 13}, d.locations().find("items[0].hsCode")));
  }

  @Test
  void documentsAreNumberedAndKeepTheirLines() {
    List<ReadDocument> docs = read("---\n" + DOC + "---\n" + DOC.replace("KZ-1", "KZ-2") + "...\n");
    assertEquals(2, docs.size());
    assertEquals(2, docs.get(1).document());
    assertEquals("KZ-2", docs.get(1).id());
    assertEquals(13, docs.get(1).locations().find("id")[0]);
  }

  @Test
  void aBrokenDocumentDoesNotHideTheOthers() {
    List<ReadDocument> docs = read(DOC + "---\nid: [unclosed\n---\n" + DOC);
    assertEquals(3, docs.size());
    assertTrue(docs.get(0).isValid());
    assertEquals("INPUT-SYNTAX", docs.get(1).problems().get(0).rule());
    assertTrue(docs.get(2).isValid());
  }

  @Test
  void emptyFileIsOneInvalidResult() {
    List<ReadDocument> docs = read("# only a comment\n\n");
    assertEquals(1, docs.size());
    assertEquals("INPUT-EMPTY", docs.get(0).problems().get(0).rule());
  }

  @Test
  void binaryFileIsOneInvalidResult() {
    List<ReadDocument> docs = reader.readBytes("b.yaml", new byte[] {'i', 'd', 0, 1, 2});
    assertEquals("INPUT-BINARY", docs.get(0).problems().get(0).rule());
  }

  @Test
  void notUtf8GivesLineAndColumnOfTheBadByte() {
    byte[] bytes = "id: A\nshipDate: x\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    InputProblem p = reader.readBytes("l.yaml", bytes).get(0).problems().get(0);
    assertEquals("INPUT-ENCODING", p.rule());
    assertEquals(2, p.line());
    assertEquals(12, p.column());
  }

  @Test
  void asOfReplacesTheJudgedDateOnly() {
    DeclarationReader r = new DeclarationReader(InputLimits.defaults(), LocalDate.of(2026, 1, 1));
    ReadDocument d = r.readBytes("t.yaml", DOC.getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals(LocalDate.of(2025, 11, 12), d.declaration().getShipDate());
    assertEquals(LocalDate.of(2026, 1, 1), d.declaration().getDate());
  }

  @Test
  void tooManyDocumentsEndAsOneInvalidResult() {
    DeclarationReader r = new DeclarationReader(new InputLimits(1 << 20, 2, 16, 1000), null);
    String five = (DOC + "---\n").repeat(5);
    List<ReadDocument> docs = r.readBytes("m.yaml", five.getBytes(StandardCharsets.UTF_8));
    assertEquals(3, docs.size());
    assertEquals("INPUT-LIMIT", docs.get(2).problems().get(0).rule());
    assertTrue(docs.get(2).problems().get(0).getMessage().contains("3 more documents"));
    assertNull(docs.get(2).declaration());
  }
}
