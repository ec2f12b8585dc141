package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small predicates the rules call: treatments, cold chain, certificate age, wording. */
class PredicatesTest {
  static final Product.Treatment PORK =
      new Product.Treatment(List.of("heat-treated"), d("70.0"), d("30.0"), null);
  static final Product.Treatment FEED =
      new Product.Treatment(List.of("milled"), d("85.0"), d("5.0"), d("80.0"));

  @Test
  void treatmentBoundariesAreInclusive() {
    assertTrue(PORK.metBy(d("70.0"), d("30.0"), null));
    assertTrue(PORK.metBy(d("72.5"), d("45.0"), null));
    assertFalse(PORK.metBy(d("69.9"), d("30.0"), null));
    assertFalse(PORK.metBy(d("70.0"), d("29.0"), null));
    assertFalse(PORK.metBy(null, d("30.0"), null), "a missing value needed is not met");
    assertFalse(
        PORK.metBy(d("69.999999999999999999"), d("30"), null), "a double would round this to 70");
    assertFalse(
        PORK.metBy(d("70"), d("29.9999999999999999"), null), "a double would round this to 30");
    assertTrue(PORK.humidityMetBy(null), "no humidity is required for dry heat");
    assertTrue(FEED.metBy(d("85.0"), d("5.0"), d("80.0")));
    assertFalse(FEED.metBy(d("85.0"), d("5.0"), d("79.0")));
    assertFalse(FEED.humidityMetBy(null));
    assertTrue(FEED.coreMetBy(d("90.0")));
    assertFalse(FEED.minutesMetBy(d("4.5")));
  }

  @Test
  void treatmentDescribesItself() {
    assertEquals("core >= 70 °C held >= 30 min", PORK.describe());
    assertEquals("core >= 85 °C at >= 80 % RH held >= 5 min", FEED.describe());
  }

  @Test
  void treatmentAppliesToItsFormsOnly() {
    Product pork = product(PORK);
    assertSame(PORK, pork.treatmentFor("heat-treated"));
    assertNull(pork.treatmentFor("frozen"));
    assertNull(pork.treatmentFor(null), "no form given: no NullPointerException, no treatment");
    Product any = product(new Product.Treatment(List.of(), d("70.0"), d("30.0"), null));
    assertTrue(any.treatmentFor(null) != null);
  }

  @Test
  void restrictionExemptsOnlyHeatTreatmentThatReachesTheParameters() {
    Restriction fmd =
        restriction(true, new Product.Treatment(List.of(), d("70.0"), d("30.0"), null));
    assertTrue(fmd.exempts(d("70.0"), d("30.0")));
    assertFalse(fmd.exempts(d("69.0"), d("30.0")));
    assertFalse(fmd.exempts(null, null));
    Restriction asf = restriction(false, null);
    assertFalse(asf.exempts(d("100.0"), d("120.0")));
  }

  @Test
  void restrictionPeriodIsStartInclusiveEndExclusive() {
    Restriction r = restriction(false, null);
    assertFalse(r.inForceOn(LocalDate.of(2021, 12, 31)));
    assertTrue(r.inForceOn(LocalDate.of(2022, 1, 1)));
    assertTrue(r.inForceOn(LocalDate.of(2024, 2, 6)));
    assertFalse(r.inForceOn(LocalDate.of(2024, 2, 7)));
  }

  @Test
  void coldChainRanges() {
    Form frozen = new Form("frozen", "frozen", null, d("-18.0"), "s", "model", null);
    Form chilled = new Form("chilled", "chilled", d("0.0"), d("4.0"), "s", "model", null);
    Form grain = new Form("grain", "grain", null, null, "s", "model", null);
    assertTrue(frozen.storageOk(d("-18.0")));
    assertTrue(frozen.storageOk(d("-25.0")));
    assertFalse(frozen.storageOk(d("-17.5")));
    assertFalse(frozen.storageOk(d("-17.99999999999999999")), "a double would round this to -18");
    assertTrue(frozen.storageOk(d("-18.000000000000000000")));
    assertFalse(frozen.storageOk(null));
    assertTrue(chilled.storageOk(d("0.0")));
    assertTrue(chilled.storageOk(d("4.0")));
    assertFalse(chilled.storageOk(d("4.5")));
    assertFalse(chilled.storageOk(d("-1.0")));
    assertTrue(grain.storageOk(null));
    assertFalse(grain.coldChain());
    assertEquals("-18 °C or colder", frozen.storageRange());
    assertEquals("0 to 4 °C", chilled.storageRange());
  }

  @Test
  void certificateAgeWarnsAfterMaxAgeDays() {
    CertificateType vet = new CertificateType("veterinary", "v", 30, "s", "model");
    LocalDate ship = LocalDate.of(2025, 11, 12);
    assertFalse(vet.tooOld(ship.minusDays(30), ship), "exactly 30 days is allowed");
    assertTrue(vet.tooOld(ship.minusDays(31), ship));
    assertFalse(vet.tooOld(ship.plusDays(1), ship), "issued later is CERT-004's business");
    assertFalse(
        new CertificateType("origin", "o", null, "s", "model").tooOld(ship.minusYears(1), ship));
    assertEquals(31, CertificateType.ageDays(ship.minusDays(31), ship));
  }

  @Test
  void additionalDeclarationWording() {
    List<String> tck = List.of("Tilletia controversa", "dwarf bunt");
    assertTrue(Texts.mentionsAny("Free from TILLETIA CONTROVERSA Kühn.", tck));
    assertTrue(Texts.mentionsAny("grown in areas free from dwarf\n   bunt", tck));
    assertFalse(Texts.mentionsAny("The wheat is free from quarantine pests.", tck));
    assertFalse(Texts.mentionsAny(null, tck));
    assertTrue(Texts.isBlank("  \n"));
    assertTrue(Texts.isBlank(null));
    assertFalse(Texts.isBlank("x"));
  }

  @Test
  void decreeInForce() {
    Decree d248 =
        new Decree("decree-248", "GACC Decree 248", LocalDate.of(2022, 1, 1), "r", "s", "fact");
    assertFalse(d248.inForceOn(LocalDate.of(2021, 12, 31)));
    assertTrue(d248.inForceOn(LocalDate.of(2022, 1, 1)));
  }

  @Test
  void numbersArePrintedPlainly() {
    assertEquals("70", Numbers.plain(d("70.0")));
    assertEquals("1.2", Numbers.plain(d("1.2")));
    assertEquals("-18", Numbers.plain(d("-18.0")));
    assertEquals("none", Numbers.plain(null));
    assertEquals(
        "-17.99999999999999999", Numbers.plain(d("-17.99999999999999999")), "printed as written");
    assertEquals("100000", Numbers.plain(d("1e5")));
    assertEquals("0", Numbers.plain(d("-0.0")));
  }

  private static BigDecimal d(String exact) {
    return new BigDecimal(exact);
  }

  private static Product product(Product.Treatment t) {
    return new Product(
        "pork",
        "pork",
        true,
        LocalDate.of(2025, 10, 15),
        List.of("frozen", "heat-treated"),
        List.of("0203"),
        List.of("0203"),
        "animal",
        "food",
        List.of("fmd", "asf"),
        true,
        true,
        false,
        false,
        List.of(),
        t,
        null,
        "ref",
        "src",
        "fact",
        java.util.Map.of(),
        java.util.Map.of(),
        true,
        null,
        false);
  }

  private static Restriction restriction(boolean heatExempt, Product.Treatment inactivation) {
    return new Restriction(
        "FMD-X",
        "fmd",
        List.of("all"),
        LocalDate.of(2022, 1, 1),
        LocalDate.of(2024, 2, 7),
        List.of("beef"),
        heatExempt,
        inactivation,
        "ref",
        "src",
        "approx");
  }

  @Test
  void hsCodeFormat() {
    assertTrue(HsCodes.wellFormed("0203.29"));
    assertTrue(HsCodes.wellFormed(" 1001.99.00 "));
    assertTrue(HsCodes.wellFormed(".1001"));
    assertFalse(HsCodes.wellFormed("203"));
    assertFalse(HsCodes.wellFormed("0203..29"));
    assertFalse(HsCodes.wellFormed("0203 29"));
    assertFalse(HsCodes.wellFormed("12345678901"));
    assertFalse(HsCodes.wellFormed("\u0663\u0663\u0663\u0663"), "ASCII digits only");
    assertFalse(HsCodes.wellFormed(null));
  }

  /** The scanning HsCodes.wellFormed agrees with the format's definition written as a regex. */
  @Test
  void hsCodeFormatAgreesWithTheRegexDefinition() {
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = {'0', '1', '9', '.', '.', ' ', '\t', 'a', '\u0663', '-'};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(14);
      for (int i = 0; i < len; i++) {
        b.append(
            random.nextInt(3) == 0
                ? alphabet[random.nextInt(alphabet.length)]
                : (char) ('0' + random.nextInt(10)));
      }
      String code = b.toString();
      String t = code.trim();
      String digits = t.replace(".", "").replace(" ", "");
      boolean byRegex =
          digits.length() >= 4
              && digits.length() <= 10
              && t.matches("[0-9.]+")
              && !code.contains("..");
      assertEquals(byRegex, HsCodes.wellFormed(code), "'" + code + "'");
    }
  }
}
