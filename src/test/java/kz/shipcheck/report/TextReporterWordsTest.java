package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import kz.shipcheck.result.DeclarationResult;
import org.junit.jupiter.api.Test;

/**
 * The text report's words are the run's: every word around the results comes from the words it is
 * given (here marked, standing in for a translation), the tokens scripts read stay as written.
 */
class TextReporterWordsTest {
  @Test
  void everyWordAroundTheResultsIsTheRunsLanguage() throws Exception {
    ReportContext en = GoldenResults.context();
    Words marked =
        (key, args) ->
            key.startsWith("ui.text.") || key.startsWith("ui.waiver.")
                ? "<" + key + ">" + en.words().text(key, args)
                : en.words().text(key, args);
    ReportContext other =
        new ReportContext(en.toolVersion(), en.catalogue(), en.pack(), en.failOn(), "ru", marked);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Reporter r = Format.TEXT.create(out, other)) {
      for (DeclarationResult d : GoldenResults.results()) {
        r.result(d);
      }
      r.finish(GoldenResults.summary(), GoldenResults.WAIVER_NOTES);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      String s = line.strip();
      // what is left in English must be the per-finding and per-declaration lines themselves
      if (s.startsWith("hint:")
          || s.startsWith("waived:")
          || s.startsWith("failing rules:")
          || s.startsWith("waiver ")
          || s.matches("\\d+ declarations?:.*")) {
        throw new AssertionError("not from the run's words: " + line + "\n" + text);
      }
    }
    assertTrue(text.contains("<ui.text.hint>hint: "), text);
    assertTrue(text.contains("<ui.text.counts>"), text);
    assertTrue(
        text.contains(
            "<ui.waiver.expired>waiver expired on 2025-01-31: <ui.waiver.entry>ACCESS-003 for"),
        text);
  }
}
