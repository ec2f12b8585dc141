package kz.shipcheck.report;

import java.io.IOException;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Summary;

/**
 * Writes one report format. Results arrive one at a time in report order; {@link #finish} comes
 * once at the end. A reporter that can stream writes each result as it comes.
 */
public interface Reporter {
  void result(DeclarationResult result) throws IOException;

  /** Completes the report: summary, waiver notes, closing brackets. Does not close the stream. */
  void finish(Summary summary, WaiverNotes waivers) throws IOException;
}
