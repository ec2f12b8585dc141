package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import kz.shipcheck.result.DeclarationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format rendered from the same fixed, hand-written batch ({@link GoldenResults}: waivers,
 * escaping and the other edge cases included) and compared byte for byte with its golden file in
 * {@code src/test/resources/golden/formats/}. ({@link GoldenReportTest} pins the text and json
 * reports of a real run.) After an intended change, regenerate with {@code mvn test
 * -Dtest=GoldenReportsTest -Dgolden.update=true} and review the diff.
 */
class GoldenReportsTest {
  static final Path DIR = Path.of("src/test/resources/golden/formats");

  static String render(Format format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Reporter r = format.create(out, GoldenResults.context())) {
      for (DeclarationResult d : GoldenResults.results()) {
        r.result(d);
      }
      r.finish(GoldenResults.summary(), GoldenResults.WAIVER_NOTES);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static Path golden(Format f) {
    return DIR.resolve("report." + f.label().toLowerCase(Locale.ROOT));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void matchesGoldenFile(Format format) throws IOException {
    Golden.assertMatches(golden(format), render(format));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rendersTheSameTwice(Format format) throws IOException {
    assertEquals(render(format), render(format));
  }
}
