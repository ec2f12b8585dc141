package kz.shipcheck.report;

/** A CSV cell as the csv report writes it (RFC 4180 quoting, defused against formula injection). */
public final class CsvCell {
  private CsvCell() {}

  public static String of(String s) {
    return CsvReporter.cell(s);
  }
}
