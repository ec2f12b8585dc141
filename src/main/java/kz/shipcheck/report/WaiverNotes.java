package kz.shipcheck.report;

import java.util.List;

/**
 * Waivers that did not apply: expired ones, and ones that matched no finding. Each entry is a
 * one-line description of the waiver ({@code rule declaration [path] (expires …)}).
 */
public record WaiverNotes(List<Entry> expired, List<Entry> unused) {
  public static final WaiverNotes NONE = new WaiverNotes(List.of(), List.of());

  /** A waiver as written in the waivers file, with its line there. */
  public record Entry(
      String rule,
      String declaration,
      String path,
      String reason,
      String expires,
      String approvedBy,
      int line) {}
}
