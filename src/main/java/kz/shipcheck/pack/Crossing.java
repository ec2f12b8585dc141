package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.Set;

/**
 * A border crossing, the transport mode it serves (rail or road), and when it is open: from {@code
 * validFrom} (inclusive; null when it opened before any date the pack covers) until {@code validTo}
 * (exclusive, null when open-ended). A {@code planned} crossing (under construction, no opening
 * date known) is open on no date.
 */
public record Crossing(
    String key,
    String name,
    String mode,
    LocalDate validFrom,
    LocalDate validTo,
    boolean planned,
    String source,
    String basis) {

  public boolean openOn(LocalDate date) {
    return !planned
        && (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || date.isBefore(validTo));
  }

  /** The fields a row of {@code ReferenceData.CROSSINGS} may have. */
  static final Set<String> FIELDS =
      Set.of("key", "name", "mode", "validFrom", "validTo", "planned", "source", "basis");

  /** Reads one row of the pack's table, throwing at its first problem. */
  static Crossing read(DataRow r) throws PackException {
    String mode = r.text("mode", true);
    if (!mode.equals("rail") && !mode.equals("road")) {
      throw r.error("mode", "mode must be rail or road, found '" + mode + "'");
    }
    String key = r.text("key", true);
    LocalDate validFrom = r.date("validFrom", false);
    LocalDate validTo = r.date("validTo", false);
    if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
      throw r.error("validTo", "validTo must be after validFrom");
    }
    boolean planned = r.bool("planned");
    if (planned && validFrom != null) {
      throw r.error(
          "planned",
          "a planned crossing has no opening date; give validFrom once it is known and drop planned");
    }
    return new Crossing(
        key,
        r.text("name", true),
        mode,
        validFrom,
        validTo,
        planned,
        r.text("source", true),
        r.text("basis", true));
  }
}
