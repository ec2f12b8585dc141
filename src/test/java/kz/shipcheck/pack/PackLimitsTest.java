package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limits in the pack's data (storage ranges, heat treatments, particle size, zone inactivation)
 * are exact decimals under the same spelling rules as a declaration's numbers: a limit means what
 * it says to the person who wrote the row.
 */
class PackLimitsTest {
  @TempDir Path tmp;

  /**
   * Loads a copy of the bundled pack with every {@code find} replaced by {@code replace} in one
   * file.
   */
  private ReferenceData withEdit(String file, String find, String replace)
      throws IOException, PackException {
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
    Path f = copy.resolve(file);
    String text = Files.readString(f, StandardCharsets.UTF_8);
    assertTrue(text.contains(find), find + " not in " + file);
    Files.writeString(f, text.replace(find, replace), StandardCharsets.UTF_8);
    return ReferenceData.load(PackFiles.fromDirectory(copy), null, null);
  }

  @Test
  void bundledLimitsAreExact() throws PackException {
    ReferenceData ref = ReferenceData.load(PackFiles.fromDirectory(Path.of("rules")), null, null);
    assertEquals(new BigDecimal("-18"), ref.form("frozen").storageMaxC());
    assertEquals(new BigDecimal("70"), ref.product("pork").treatment().minCoreC());
    assertEquals(new BigDecimal("1.2"), ref.product("feed-barley-flour").maxParticleMm());
  }

  @Test
  void aLimitWrittenWithManyDigitsKeepsThemAll() throws Exception {
    ReferenceData ref =
        withEdit("data/forms.yaml", "storageMaxC: -18", "storageMaxC: -18.00000000000000000001");
    assertTrue(ref.form("frozen").storageOk(new BigDecimal("-18.00000000000000000001")));
    assertTrue(
        !ref.form("frozen").storageOk(new BigDecimal("-18")),
        "-18 is warmer than the edited limit");
  }

  @Test
  void aCertificateAgeJustOverAWholeNumberOfDaysIsNotRoundedToIt() {
    PackException e =
        assertThrows(
            PackException.class,
            () ->
                withEdit(
                    "data/certificates.yaml",
                    "maxAgeDays: 30",
                    "maxAgeDays: 30.00000000000000001"));
    assertTrue(
        e.getMessage().contains("maxAgeDays must be a whole number of days"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "data/forms.yaml    | storageMaxC: -18  | storageMaxC: -018  | leading zero",
        "data/forms.yaml    | storageMaxC: -18  | storageMaxC: -.inf | infinity",
        "data/products.yaml | minCoreC: 70      | minCoreC: .nan     | not-a-number",
        "data/products.yaml | minCoreC: 70      | minCoreC: 7_0      | '_'",
        "data/products.yaml | maxParticleMm: 1.2 | maxParticleMm: 1.2e999 | out of range",
        "data/restrictions.yaml | minCoreC: 70  | minCoreC: 0x46     | hexadecimal",
      })
  void aLimitWithAnOddSpellingIsRefused(String file, String find, String replace, String reason) {
    PackException e = assertThrows(PackException.class, () -> withEdit(file, find, replace));
    assertTrue(e.getMessage().contains("must be a plain decimal number, found '"), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.located().contains(Path.of(file).getFileName().toString() + ":"), e.located());
  }
}
