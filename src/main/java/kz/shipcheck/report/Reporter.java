package kz.shipcheck.report;

import java.io.IOException;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Summary;

/**
 * Writes one report format. Results arrive one at a time in report order; {@link #finish} comes
 * once at the end. A reporter writes each result as it comes, or keeps it on disk (never in memory)
 * when its format puts totals first, so memory stays flat however long the batch.
 */
public interface Reporter extends AutoCloseable {
  void result(DeclarationResult result) throws IOException;

  /** Completes the report: summary, waiver notes, closing brackets. Does not close the stream. */
  void finish(Summary summary, WaiverNotes waivers) throws IOException;

  /** Releases what the reporter holds (temporary files); never closes the report's stream. */
  @Override
  default void close() {}
}
