package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled data and the zone look-up: periods, "all", and regions cut from a listed one. */
class ReferenceDataTest {
  @TempDir Path tmp;

  private static ReferenceData bundled() throws PackException {
    return ReferenceData.load(PackFiles.fromDirectory(Path.of("rules")), null, null);
  }

  private ReferenceData withRows(String rows) throws IOException, PackException {
    Path copy = tmp.resolve("pack");
    try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
      for (Path p : walk.toList()) {
        Path target = copy.resolve(Path.of("rules").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(
        copy.resolve("data/restrictions.yaml"),
        rows,
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return ReferenceData.load(PackFiles.fromDirectory(copy), null, null);
  }

  /** GACC/MARA 2024 No. 20 reopened nine south-eastern regions; the other eleven stay closed. */
  @Test
  void fmdLiftingOf2024IsRegional() throws PackException {
    ReferenceData ref = bundled();
    Product beef = ref.product("beef");
    Product pork = ref.product("pork");
    assertEquals(1, ref.restrictions("almaty-region", beef, LocalDate.of(2024, 2, 6)).size());
    assertEquals(0, ref.restrictions("almaty-region", beef, LocalDate.of(2024, 2, 7)).size());
    assertEquals(1, ref.restrictions("abai", beef, LocalDate.of(2022, 8, 1)).size());
    for (String open :
        List.of(
            "almaty-region",
            "jetisu",
            "east-kazakhstan",
            "abai",
            "zhambyl",
            "turkistan",
            "kyzylorda",
            "almaty-city",
            "shymkent")) {
      assertEquals(0, ref.restrictions(open, beef, LocalDate.of(2026, 12, 2)).size(), open);
      assertEquals(0, ref.restrictions(open, pork, LocalDate.of(2026, 12, 2)).size(), open);
    }
    for (String closed :
        List.of(
            "akmola",
            "aktobe",
            "atyrau",
            "west-kazakhstan",
            "karaganda",
            "ulytau",
            "kostanay",
            "mangystau",
            "pavlodar",
            "north-kazakhstan",
            "astana")) {
      assertEquals(1, ref.restrictions(closed, beef, LocalDate.of(2026, 12, 2)).size(), closed);
      assertEquals(
          1,
          ref.restrictions(closed, pork, LocalDate.of(2026, 12, 2)).size(),
          "covers pork: " + closed);
    }
  }

  /**
   * The five buffer regions (and those later cut from them) open for FMD-sensitive goods on
   * 2018-05-12.
   */
  @Test
  void bufferRegionsOpenOn20180512() throws PackException {
    ReferenceData ref = bundled();
    Product lamb = ref.product("lamb");
    assertEquals(1, ref.restrictions("almaty-region", lamb, LocalDate.of(2018, 5, 11)).size());
    assertEquals(1, ref.restrictions("south-kazakhstan", lamb, LocalDate.of(2018, 5, 11)).size());
    assertEquals(0, ref.restrictions("almaty-region", lamb, LocalDate.of(2018, 5, 12)).size());
    assertEquals(0, ref.restrictions("akmola", lamb, LocalDate.of(2018, 3, 20)).size());
  }

  @Test
  void bundledDataHasNoHpaiAndNoTckRows() throws PackException {
    for (Restriction r : bundled().restrictions()) {
      assertTrue(!r.disease().equals("hpai") && !r.disease().equals("dwarf-bunt"), r.id());
    }
  }

  @Test
  void aListWrittenBeforeASplitCoversTheSuccessorsOnly() throws Exception {
    ReferenceData ref =
        withRows(
            """
            - {id: T-OLD, disease: fmd, regions: [east-kazakhstan], from: 2021-06-01, products: [beef], source: test, basis: model, reference: test}
            - {id: T-NEW, disease: hpai, regions: [east-kazakhstan], from: 2023-01-01, source: test, basis: model, reference: test}
            - {id: T-SOUTH, disease: fmd, regions: [south-kazakhstan], from: 2017-01-01, products: [lamb], source: test, basis: model, reference: test}
            """);
    LocalDate d = LocalDate.of(2025, 3, 1);
    assertEquals(List.of("T-OLD"), ids(ref.restrictions("abai", ref.product("beef"), d)));
    assertEquals(
        List.of("T-OLD"), ids(ref.restrictions("east-kazakhstan", ref.product("beef"), d)));
    assertEquals(
        List.of(),
        ids(ref.restrictions("abai", ref.product("poultry-meat"), d)),
        "written after the split");
    assertEquals(
        List.of("T-NEW"), ids(ref.restrictions("east-kazakhstan", ref.product("poultry-meat"), d)));
    assertEquals(List.of("T-SOUTH"), ids(ref.restrictions("turkistan", ref.product("lamb"), d)));
    assertEquals(List.of("T-SOUTH"), ids(ref.restrictions("shymkent", ref.product("lamb"), d)));
    assertEquals(List.of(), ids(ref.restrictions("jetisu", ref.product("beef"), d)));
  }

  @Test
  void heatExemptNeedsInactivationParameters() {
    PackException e =
        assertThrows(
            PackException.class,
            () ->
                withRows(
                    "- {id: X, disease: fmd, regions: [all], from: 2025-01-01, heatExempt: true, source: s, basis: model, reference: r}\n"));
    assertTrue(e.getMessage().contains("inactivation"), e.getMessage());
  }

  @Test
  void aDiseaseNoProductIsSensitiveToIsRefused() {
    PackException e =
        assertThrows(
            PackException.class,
            () ->
                withRows(
                    "- {id: X, disease: hpia, regions: [pavlodar], from: 2025-01-01, source: s, basis: model, reference: r}\n"));
    assertTrue(e.getMessage().contains("no product is sensitive to 'hpia'"), e.getMessage());
    assertTrue(e.located().contains("restrictions.yaml:"), e.located());
  }

  @Test
  void formsCertificatesAndDecreesAreLoaded() throws PackException {
    ReferenceData ref = bundled();
    assertEquals(new BigDecimal("-18"), ref.form("frozen").storageMaxC());
    assertEquals(BigDecimal.ZERO, ref.form("chilled").storageMinC());
    assertEquals(new BigDecimal("4"), ref.form("chilled").storageMaxC());
    assertEquals("veterinary, phytosanitary, laboratory, origin", ref.certificateTypeKeys());
    assertEquals(30, ref.certificateType("phytosanitary").maxAgeDays());
    assertEquals(LocalDate.of(2022, 1, 1), ref.decree("decree-248").inForce());
    assertEquals("USD, KZT, KGS, TJS, UZS, TMT, CNY", ref.currencies());
    for (String form :
        List.of(
            "grain",
            "milled",
            "meal",
            "hay",
            "pellets",
            "oil",
            "frozen",
            "chilled",
            "heat-treated",
            "offal",
            "dried",
            "liquid",
            "other")) {
      assertNotNull(ref.form(form), form);
    }
  }

  private static List<String> ids(List<Restriction> rs) {
    return rs.stream().map(Restriction::id).toList();
  }
}
