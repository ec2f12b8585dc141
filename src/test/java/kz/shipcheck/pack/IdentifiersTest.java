package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ISO 6346 container numbers and the positions the transport rule points at. */
class IdentifiersTest {

  /** ISO 6346 letter values, written out from the standard's table (11, 22, 33 skipped). */
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private static final int[] VALUES = {
    10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36,
    37, 38
  };

  /** An independent reference computation: Σ value·2^i mod 11, 10 written as 0. */
  private static int reference(String first10) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      char c = first10.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : VALUES[LETTERS.indexOf(c)];
      sum += v * (1 << i);
    }
    return sum % 11 % 10;
  }

  @Test
  void knownValidNumbers() {
    // CSQU 305438 3 is the worked example of ISO 6346 (BIC)
    assertTrue(Identifiers.containerValid("CSQU3054383"));
    assertTrue(Identifiers.containerValid("CSQU 305438 3"));
    assertTrue(Identifiers.containerValid("CSQU-305438-3"));
  }

  @Test
  void wrongCheckDigitOrShapeFails() {
    assertFalse(Identifiers.containerValid("CSQU3054384"));
    assertFalse(Identifiers.containerValid("CSQA3054383")); // category must be U, J or Z
    assertFalse(Identifiers.containerValid("csqu3054383")); // owner codes are capitals
    assertFalse(Identifiers.containerValid("CSQU305438")); // check digit missing
    assertFalse(Identifiers.containerValid("CSQU30543833"));
    assertFalse(Identifiers.containerValid(""));
    assertFalse(Identifiers.containerValid(null));
  }

  @Test
  void agreesWithTheReferenceComputationOnEverySerial() {
    for (String owner : List.of("CSQU", "TKRU", "KZTU", "MSKU", "TGHJ", "ABCZ", "XYZU")) {
      for (int serial = 0; serial < 1_000_000; serial += 7_919) {
        String base = owner + String.format("%06d", serial);
        int digit = reference(base);
        for (int d = 0; d < 10; d++) {
          assertEquals(d == digit, Identifiers.containerValid(base + d), base + d);
        }
      }
    }
  }

  @Test
  void checkDigitTenIsWrittenAsZero() {
    // find a number whose weighted sum is 10 mod 11, and check that 0 is its valid check digit
    String found = null;
    for (int serial = 0; serial < 1000 && found == null; serial++) {
      String base = "CSQU" + String.format("%06d", serial);
      int sum = 0;
      for (int i = 0; i < 10; i++) {
        char c = base.charAt(i);
        sum += (Character.isDigit(c) ? c - '0' : VALUES[LETTERS.indexOf(c)]) << i;
      }
      if (sum % 11 == 10) {
        found = base;
      }
    }
    assertTrue(found != null);
    assertTrue(Identifiers.containerValid(found + "0"), found + "0");
  }

  /** The message variants the rules choose (messages_*.properties words them). */
  @Test
  void problemKindsNameTheVariant() {
    assertEquals("missing", Identifiers.binProblemKind(" "));
    assertEquals("length", Identifiers.binProblemKind("12345"));
    assertEquals("checkDigit", Identifiers.binProblemKind("180540078969"));
    assertEquals("missing", Identifiers.containerProblemKind(null));
    assertEquals("shape", Identifiers.containerProblemKind("CSQ3054383"));
    assertEquals("checkDigit", Identifiers.containerProblemKind("CSQU 305438-4"));
    assertEquals(3, Identifiers.containerCheckDigit("CSQU3054384"));
    assertEquals(-1, Identifiers.containerCheckDigit("CSQ3054383"));
  }

  @Test
  void containerProblemSaysWhy() {
    assertEquals(
        "container number CSQU3054384 fails its ISO 6346 check digit (the last digit should be 3)",
        Identifiers.containerProblem("CSQU3054384"));
    assertTrue(Identifiers.containerProblem("CSQ3054383").contains("is not 3 capital letters"));
    assertEquals("an empty container number", Identifiers.containerProblem(null));
  }

  @Test
  void invalidContainerPositions() {
    assertEquals(
        List.of(1, 3),
        Positions.invalidContainers(
            List.of("CSQU3054383", "CSQU3054384", "TKRU3054387", "nonsense")));
    assertEquals(List.of(), Positions.invalidContainers(List.of()));
    assertEquals(List.of(), Positions.invalidContainers(null));
  }

  @Test
  void coversOutOfRangePositions() {
    assertEquals(List.of(1, 2), Positions.outOfRange(List.of(0, 2, -1, 1), 2));
    assertEquals(List.of(), Positions.outOfRange(List.of(0, 1), 2));
    assertEquals(List.of(), Positions.outOfRange(null, 2));
  }
}
