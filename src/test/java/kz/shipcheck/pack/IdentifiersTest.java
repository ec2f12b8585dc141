package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
  @ParameterizedTest
  @ValueSource(strings = {"940140000385", "990140004654", "190640005554"})
  void validBins(String bin) {
    assertTrue(Identifiers.binValid(bin));
  }

  @ParameterizedTest
  @ValueSource(strings = {"940140000384", "190640005555", "19064000555", "1906400055541", "19064000555a", ""})
  void invalidBins(String bin) {
    assertFalse(Identifiers.binValid(bin));
  }

  @org.junit.jupiter.api.Test
  void binNeedingTheSecondWeightsIsChecked() {
    // first pass sums to 10 mod 11 for these eleven digits, so the second weights decide
    String eleven = firstPassTen();
    int s = 0;
    int[] w = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
    for (int i = 0; i < 11; i++) {
      s += (eleven.charAt(i) - '0') * w[i];
    }
    s %= 11;
    if (s == 10) {
      for (int d = 0; d <= 9; d++) {
        assertFalse(Identifiers.binValid(eleven + d));
      }
    } else {
      assertTrue(Identifiers.binValid(eleven + s));
      assertFalse(Identifiers.binValid(eleven + ((s + 1) % 10)));
    }
  }

  private static String firstPassTen() {
    for (long n = 10000000000L; ; n++) {
      String d = Long.toString(n);
      int s = 0;
      for (int i = 0; i < 11; i++) {
        s += (d.charAt(i) - '0') * (i + 1);
      }
      if (s % 11 == 10) {
        return d;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CSQU3054383", "MSKU9070323", "TGHU8345876", "TKRU1234564"})
  void validContainers(String c) {
    assertTrue(Identifiers.containerValid(c));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CSQU3054384", "CSQX3054383", "CSQ3054383", "csqu3054383"})
  void invalidContainers(String c) {
    assertFalse(Identifiers.containerValid(c));
  }
}
