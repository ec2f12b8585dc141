package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.Set;

/** How many US dollars one unit of a currency was worth on a date. */
public record Rate(String currency, double usd, LocalDate asOf, String source, String basis) {
  /** The fields a row of {@code ReferenceData.RATES} may have. */
  static final Set<String> FIELDS = Set.of("currency", "usd", "asOf", "source", "basis");

  /** Reads one row of the pack's table, throwing at its first problem. */
  static Rate read(DataRow r) throws PackException {
    String c = r.text("currency", true);
    return new Rate(
        c,
        r.number("usd", true),
        r.date("asOf", true),
        r.text("source", true),
        r.text("basis", true));
  }
}
