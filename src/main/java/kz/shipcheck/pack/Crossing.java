package kz.shipcheck.pack;

import java.time.LocalDate;

/**
 * A border crossing, the transport mode it serves (rail or road), and when it is open: from
 * {@code validFrom} (inclusive; null when it opened before any date the pack covers) until {@code
 * validTo} (exclusive, null when open-ended). A {@code planned} crossing (under construction, no
 * opening date known) is open on no date.
 */
public record Crossing(
    String key, String name, String mode, LocalDate validFrom, LocalDate validTo, boolean planned, String source, String basis) {

  public boolean openOn(LocalDate date) {
    return !planned && (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
  }
}
