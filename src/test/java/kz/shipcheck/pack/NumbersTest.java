package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.yaml.InputLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Numbers}: exact values, the reasons for odd spellings, and bounded cost on any text. */
class NumbersTest {
  @Test
  void plainDecimalsKeepEveryDigitAndTheirScale() {
    assertEquals(new BigDecimal("22000"), Numbers.parse("22000"));
    assertEquals(new BigDecimal("70.000"), Numbers.parse("70.000"));
    assertEquals(new BigDecimal("-17.99999999999999999"), Numbers.parse("-17.99999999999999999"));
    assertEquals(new BigDecimal("5"), Numbers.parse("+5"));
    assertEquals(BigDecimal.ZERO, Numbers.parse("-0.0"));
    assertEquals(0, new BigDecimal("1E+5").compareTo(Numbers.parse("1e5")));
    // trailing zeros beyond the allowed places change nothing and are not kept
    assertEquals(
        new BigDecimal("1." + "0".repeat(Numbers.MAX_DECIMAL_PLACES)),
        Numbers.parse("1." + "0".repeat(5000)));
  }

  @Test
  void notANumberAtAllHasNoSpellingReason() {
    assertNull(Numbers.oddSpelling("sixty tonnes"));
    assertNull(Numbers.oddSpelling("-18"));
    assertNull(Numbers.oddSpelling("0.5"));
    assertNull(Numbers.oddSpelling("0"));
    NumberFormatException e =
        assertThrows(NumberFormatException.class, () -> Numbers.parse("sixty"));
    assertEquals("not a decimal number", e.getMessage());
    assertThrows(NumberFormatException.class, () -> Numbers.parse("."));
    assertThrows(NumberFormatException.class, () -> Numbers.parse("1e"));
  }

  /**
   * Scalars up to the 64 KiB limit, shaped to make a careless regular expression recurse once per
   * repetition (a stack overflow) or backtrack quadratically. The timeout is a hang guard only.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void anyScalarCostsLittleAndNeverOverflowsTheStack() {
    List<String> hostile =
        List.of(
            "1" + ",1".repeat(30_000),
            "1" + ":1".repeat(30_000),
            "1" + ":1".repeat(30_000) + "x",
            "1_".repeat(30_000) + "x",
            "0" + "1_".repeat(30_000) + "x",
            "1".repeat(60_000) + "x",
            "1." + "1".repeat(60_000) + "e",
            "0x" + "F".repeat(60_000),
            "9".repeat(60_000),
            "0." + "0".repeat(60_000) + "1",
            "1" + "0".repeat(60_000) + "e-999999999");
    for (String text : hostile) {
      for (int i = 0; i < 20; i++) {
        Numbers.oddSpelling(text);
        assertThrows(NumberFormatException.class, () -> Numbers.parse(text), text.substring(0, 20));
      }
    }
    assertNotNull(Numbers.oddSpelling(hostile.get(0)));
    assertNotNull(Numbers.oddSpelling(hostile.get(1)));
    assertTrue(Numbers.parse("1" + "0".repeat(14)).compareTo(new BigDecimal("1e14")) == 0);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theReaderRefusesLongNumberShapedValuesAsInvalid() {
    DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);
    for (String value :
        List.of("1" + ",1".repeat(30_000), "1" + ":1".repeat(30_000), "1_".repeat(30_000) + "1")) {
      List<ReadDocument> docs =
          reader.readBytes(
              "n.yaml",
              ("""
          id: N-1
          shipDate: 2025-11-20
          exporter: {name: Semey Meat Plant LLP, bin: "061040768482"}
          items:
            - product: beef
              storageTemperatureC: %s
          """
                      .formatted(value))
                  .getBytes(StandardCharsets.UTF_8));
      assertEquals(1, docs.size());
      assertEquals(
          List.of("INPUT-TYPE"),
          docs.get(0).problems().stream().map(p -> p.rule()).toList(),
          docs.get(0).problems().toString().substring(0, 200));
    }
  }
}
