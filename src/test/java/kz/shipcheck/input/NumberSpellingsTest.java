package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shipcheck.model.Item;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every spelling YAML has for a number either reads exactly as a person reads it, or makes the
 * document invalid with the reason, at the value's line and column: no declaration may mean one
 * number to its author and another to the rules.
 */
class NumberSpellingsTest {
  private static final String DOC =
      """
      id: N-1
      shipDate: 2025-11-20
      exporter: {name: Semey Meat Plant LLP, bin: "061040768482"}
      items:
        - product: beef
          form: frozen
          storageTemperatureC: %s
      """;

  /** Line and column of the value in {@link #DOC}. */
  private static final int LINE = 7;

  private static final int COLUMN = 26;

  private final DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);

  private ReadDocument read(String value) {
    List<ReadDocument> docs =
        reader.readBytes("n.yaml", DOC.formatted(value).getBytes(StandardCharsets.UTF_8));
    assertEquals(1, docs.size());
    return docs.get(0);
  }

  private BigDecimal storage(String value) {
    ReadDocument d = read(value);
    assertTrue(d.isValid(), value + ": " + d.problems());
    return d.declaration().getItems().get(0).getStorageTemperatureC();
  }

  private InputProblem refused(String value) {
    ReadDocument d = read(value);
    assertEquals(1, d.problems().size(), value + ": " + d.problems());
    InputProblem p = d.problems().get(0);
    assertEquals("INPUT-TYPE", p.rule(), p.getMessage());
    assertEquals("items[0].storageTemperatureC", p.path());
    assertEquals(LINE, p.line(), p.getMessage());
    assertEquals(COLUMN, p.column(), p.getMessage());
    return p;
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-17.99999999999999999 | -17.99999999999999999",
        "69.999999999999999999 | 69.999999999999999999",
        "-18                   | -18",
        "-18.000000000000000000 | -18",
        "+5                    | 5",
        "-0                    | 0",
        "-0.0                  | 0",
        "0e999999999           | 0",
        "1e5                   | 100000",
        "-1.8e1                | -18",
        "1.5E-3                | 0.0015",
        "5.                    | 5",
        ".5                    | 0.5",
        "-.5                   | -0.5",
        "999999999999999.999   | 999999999999999.999",
        "0.000000000000000000000000000001 | 0.000000000000000000000000000001",
      })
  void plainDecimalsAreReadExactlyAsWritten(String written, String exact) {
    BigDecimal read = storage(written);
    assertEquals(0, new BigDecimal(exact).compareTo(read), written + " read as " + read);
  }

  @Test
  void aNumberIsNeverRoundedOnTheWayToTheRules() {
    assertEquals("-17.99999999999999999", storage("-17.99999999999999999").toPlainString());
    assertTrue(storage("-17.99999999999999999").compareTo(new BigDecimal("-18")) > 0);
  }

  @Test
  void everyDeclaredNumberIsAnExactDecimal() {
    List<ReadDocument> docs =
        reader.readBytes(
            "n.yaml",
            """
        id: N-2
        shipDate: 2025-11-20
        exporter: {name: Tobol Feed LLP, bin: "060240569383"}
        items:
          - product: feed-barley-flour
            netWeightKg: 20000.000000000000000001
            value: {amount: 9999.999999999999999999, currency: USD}
            storageTemperatureC: -18.00000000000000000001
            heatTreatment:
              coreTemperatureC: 84.99999999999999999
              minutes: 4.99999999999999999
              relativeHumidityPct: 79.99999999999999999
            particleSizeMm: 1.19999999999999999999
        """
                .getBytes(StandardCharsets.UTF_8));
    assertTrue(docs.get(0).isValid(), docs.get(0).problems().toString());
    Item i = docs.get(0).declaration().getItems().get(0);
    assertEquals("20000.000000000000000001", i.getNetWeightKg().toPlainString());
    assertEquals("9999.999999999999999999", i.getValueAmount().toPlainString());
    assertEquals("-18.00000000000000000001", i.getStorageTemperatureC().toPlainString());
    assertEquals("84.99999999999999999", i.getHeatCoreTemperatureC().toPlainString());
    assertEquals("4.99999999999999999", i.getHeatMinutes().toPlainString());
    assertEquals("79.99999999999999999", i.getHeatRelativeHumidityPct().toPlainString());
    assertEquals("1.19999999999999999999", i.getParticleSizeMm().toPlainString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        ".nan      | not-a-number",
        ".NaN      | not-a-number",
        ".inf      | infinity",
        "-.inf     | infinity",
        "+.inf     | infinity",
        "0x1F      | hexadecimal",
        "0o17      | octal",
        "0b101     | binary",
        "1_000     | '_'",
        "-1_000.5  | '_'",
        "017       | leading zero",
        "-017      | leading zero",
        "08        | leading zero",
        "09.5      | leading zero",
        "00        | leading zero",
        "1:30      | base-60",
        "-1:30.5   | base-60",
        "'-18,5'   | decimal comma",
      })
  void oddSpellingsAreInvalidWithTheReason(String written, String reason) {
    InputProblem p = refused(written);
    assertTrue(p.getMessage().contains("which is not a plain decimal number"), p.getMessage());
    assertTrue(p.getMessage().contains(reason), p.getMessage());
  }

  @Test
  void aQuotedNumberIsText() {
    InputProblem p = refused("\"-18\"");
    assertEquals(
        "'items[0].storageTemperatureC' must be a number, found text '-18': a quoted number is text;"
            + " write it without quotes",
        p.getMessage());
    assertTrue(refused("'-18'").getMessage().contains("a quoted number is text"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1e400                  | out of range",
        "-1e400                 | out of range",
        "1e15                   | out of range",
        "1000000000000000       | out of range",
        "1e999999999            | out of range",
        "1e9999999999999999999  | out of range",
        "1e-400                 | decimal places",
        "1e-999999999           | decimal places",
        "1e-9999999999999999999 | decimal places",
        "0.0000000000000000000000000000001 | decimal places",
      })
  void numbersOutOfRangeAreInvalid(String written, String reason) {
    InputProblem p = refused(written);
    assertTrue(
        p.getMessage()
            .startsWith("'items[0].storageTemperatureC' must be a number in range, found '"),
        p.getMessage());
    assertTrue(p.getMessage().contains(reason), p.getMessage());
  }

  @ParameterizedTest(name = "covers: [{0}]")
  @CsvSource(
      delimiter = '|',
      value = {"010 | leading zero", "0x1 | hexadecimal", "1_0 | '_'"})
  void anItemIndexIsAPlainWholeNumberToo(String written, String reason) {
    List<ReadDocument> docs =
        reader.readBytes(
            "n.yaml",
            """
        id: N-3
        shipDate: 2025-11-20
        exporter: {name: Semey Meat Plant LLP, bin: "061040768482"}
        items: [{product: beef}]
        certificates:
          - {type: veterinary, covers: [%s]}
        """
                .formatted(written)
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(1, docs.get(0).problems().size(), docs.get(0).problems().toString());
    InputProblem p = docs.get(0).problems().get(0);
    assertEquals("INPUT-TYPE", p.rule());
    assertEquals("certificates[0].covers[0]", p.path());
    assertEquals(6, p.line());
    assertEquals(33, p.column());
    assertTrue(p.getMessage().contains("which is not a plain decimal number: "), p.getMessage());
    assertTrue(p.getMessage().contains(reason), p.getMessage());
  }

  @Test
  void anItemIndexWithASignIsStillRead() {
    List<ReadDocument> docs =
        reader.readBytes(
            "n.yaml",
            """
        id: N-4
        shipDate: 2025-11-20
        exporter: {name: Semey Meat Plant LLP, bin: "061040768482"}
        items: [{product: beef}]
        certificates:
          - {type: veterinary, covers: [+0, 0]}
        """
                .getBytes(StandardCharsets.UTF_8));
    assertTrue(docs.get(0).isValid(), docs.get(0).problems().toString());
    assertEquals(List.of(0, 0), docs.get(0).declaration().getCertificates().get(0).getCovers());
  }

  /** A hang guard only, of minutes: a billion-digit expansion would blow the heap or take ages. */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aHugeExponentCostsNothing() {
    for (int i = 0; i < 1000; i++) {
      refused("9.999e999999999");
      refused("1e-999999998");
    }
  }
}
