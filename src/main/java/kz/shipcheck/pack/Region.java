package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || date.isBefore(validTo));
  }

  /**
   * Reads the pack's regions, then checks that every region a row names as its origin or successor
   * is one of them.
   */
  static Map<String, Region> readAll(PackFiles pack) throws PackException {
    Map<String, Region> out = new LinkedHashMap<>();
    List<DataRow> rows = DataRow.readList(pack, ReferenceData.REGIONS);
    for (DataRow r : rows) {
      r.allowOnly(
          Set.of(
              "key",
              "name",
              "iso",
              "validFrom",
              "validTo",
              "formedFrom",
              "replacedBy",
              "source",
              "basis"));
      r.requireProvenance();
      String key = r.text("key", true);
      Region region =
          new Region(
              key,
              r.text("name", true),
              r.text("iso", false),
              r.date("validFrom", false),
              r.date("validTo", false),
              r.text("formedFrom", false),
              r.list("replacedBy"),
              r.text("source", true),
              r.text("basis", true));
      if (region.validFrom() != null
          && region.validTo() != null
          && !region.validFrom().isBefore(region.validTo())) {
        throw r.error("validTo", "validTo must be after validFrom");
      }
      ReferenceData.putUnique(out, key, region, r, "key");
    }
    for (DataRow r : rows) {
      String from = r.text("formedFrom", false);
      if (from != null && !out.containsKey(from)) {
        throw r.error("formedFrom", "unknown region '" + from + "'");
      }
      List<String> by = r.list("replacedBy");
      for (int i = 0; i < by.size(); i++) {
        if (!out.containsKey(by.get(i))) {
          throw r.errorAtElement("replacedBy", i, "unknown region '" + by.get(i) + "'");
        }
      }
    }
    return out;
  }
}
