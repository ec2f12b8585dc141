package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import kz.shipcheck.cli.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text and json reports of a small fixed batch, byte for byte. */
class GoldenReportTest {
  static final String INPUT = "src/test/resources/golden/input";

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "jsonl"})
  void reportMatchesGoldenFile(String format) throws IOException {
    Cli.Run r = Cli.run("check", "--quiet", "--jobs", "2", "--format", format, INPUT);
    assertEquals(1, r.code(), r.err());
    Golden.assertMatches(Path.of("src/test/resources/golden/report." + format), r.out());
  }
}
