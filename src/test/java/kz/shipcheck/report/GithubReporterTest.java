package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import kz.shipcheck.result.DeclarationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code file} property of the github report: relative to the repository, as GitHub wants. */
class GithubReporterTest {
  @ParameterizedTest
  @CsvSource({
    "./declarations/x.yaml, declarations/x.yaml",
    "././declarations/x.yaml, declarations/x.yaml",
    ".//declarations/x.yaml, declarations/x.yaml",
    "./x.yaml, x.yaml",
    "declarations/x.yaml, declarations/x.yaml",
    "declarations/./x.yaml, declarations/./x.yaml",
    "../other/x.yaml, ../other/x.yaml",
    ".hidden/x.yaml, .hidden/x.yaml",
    "/abs/x.yaml, /abs/x.yaml",
    "-, -",
  })
  void leadingDotSlashSegmentsAreDropped(String given, String annotated) {
    assertEquals(annotated, GithubReporter.file(given));
  }

  @Test
  void everyAnnotationOfAFileUnderDotNamesItWithoutDotSlash() throws Exception {
    DeclarationResult pork = GoldenResults.results().get(1);
    DeclarationResult dotted =
        new DeclarationResult(
            "./" + pork.file(),
            pork.document(),
            pork.id(),
            pork.outcome(),
            pork.findings(),
            pork.facts());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Reporter r = Format.GITHUB.create(out, GoldenResults.context())) {
      r.result(dotted);
      r.finish(GoldenResults.summary(), GoldenResults.WAIVER_NOTES);
    }
    List<String> annotations =
        out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" file=")).toList();
    assertEquals(pork.findings().size(), annotations.size(), annotations.toString());
    for (String a : annotations) {
      assertTrue(a.matches("::\\w+ file=" + Pattern.quote(pork.file()) + ",line=\\d+,.*"), a);
    }
  }
}
