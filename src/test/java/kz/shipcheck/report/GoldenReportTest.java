package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import kz.shipcheck.cli.Cli;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text and json reports of a small fixed batch, byte for byte. */
class GoldenReportTest {
  static final String INPUT = "src/test/resources/golden/input";

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "jsonl"})
  void reportMatchesGoldenFile(String format) throws IOException, PackException {
    Cli.Run r = Cli.run("check", "--quiet", "--jobs", "2", "--format", format, INPUT);
    assertEquals(1, r.code(), r.err());
    // the bundled pack's sha256 changes with every data correction: the golden file holds a
    // placeholder, so that only a change of report layout or findings changes it
    String sha256 = PackFiles.bundled().sha256();
    Golden.assertMatches(
        Path.of("src/test/resources/golden/report." + format),
        r.out().replace(sha256, "<sha256>").replace(sha256.substring(0, 12), "<sha256-12>"));
  }
}
