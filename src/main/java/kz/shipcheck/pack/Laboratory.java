package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.Set;

/** A laboratory whose reports count while it is accredited (start inclusive, end exclusive). */
public record Laboratory(
    String key,
    String name,
    LocalDate accreditedFrom,
    LocalDate accreditedTo,
    String standard,
    String source,
    String basis) {

  public boolean accreditedOn(LocalDate date) {
    return accreditedFrom != null
        && !date.isBefore(accreditedFrom)
        && (accreditedTo == null || date.isBefore(accreditedTo));
  }

  /** The fields a row of {@code ReferenceData.LABORATORIES} may have. */
  static final Set<String> FIELDS =
      Set.of("key", "name", "accreditedFrom", "accreditedTo", "standard", "source", "basis");

  /** Reads one row of the pack's table, throwing at its first problem. */
  static Laboratory read(DataRow r) throws PackException {
    String key = r.text("key", true);
    return new Laboratory(
        key,
        r.text("name", true),
        r.date("accreditedFrom", true),
        r.date("accreditedTo", false),
        r.text("standard", false),
        r.text("source", true),
        r.text("basis", true));
  }
}
