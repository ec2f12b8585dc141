package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.List;

/**
 * A region key with its validity period (start inclusive, end exclusive, either open).
 *
 * @param formedFrom the region this one was cut from, or null
 * @param replacedBy the regions that took over when this key stopped existing
 */
public record Region(
    String key,
    String name,
    String iso,
    LocalDate validFrom,
    LocalDate validTo,
    String formedFrom,
    List<String> replacedBy,
    String source,
    String basis) {

  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
  }
}
