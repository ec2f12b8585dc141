package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kz.shipcheck.result.DeclarationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format rendered from the same fixed batch ({@link GoldenResults}) and compared byte for
 * byte with its golden file in {@code src/test/resources/golden/}. After an intended change,
 * regenerate with {@code mvn test -Dtest=GoldenReportsTest -Dgolden.update=true} and review the
 * diff.
 */
class GoldenReportsTest {
  static final Path DIR = Path.of("src/test/resources/golden");

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
    String actual = render(format);
    Path file = golden(format);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rendersTheSameTwice(Format format) throws IOException {
    assertEquals(render(format), render(format));
  }
}
