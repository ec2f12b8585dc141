package kz.shipcheck.pack;

import java.time.LocalDate;

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
}
