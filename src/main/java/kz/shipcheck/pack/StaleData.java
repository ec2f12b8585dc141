package kz.shipcheck.pack;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data files whose content is older than a limit, by the manifest's {@code asOf} dates. A warning
 * for the person running the check, never a finding: a report must say the same whatever day it is
 * made on, while the age of the data depends on that day.
 */
public final class StaleData {
  /** The default limit, in days. */
  public static final int DEFAULT_MAX_AGE_DAYS = 90;

  private StaleData() {}

  /**
   * One warning line per data file dated more than {@code maxAgeDays} before {@code today}, in path
   * order; none when {@code maxAgeDays} is 0 (the check is off).
   */
  public static List<String> warnings(PackFiles files, LocalDate today, int maxAgeDays)
      throws PackException {
    List<String> out = new ArrayList<>();
    if (maxAgeDays <= 0) {
      return out;
    }
    for (Map.Entry<String, PackManifest.DataFile> e :
        new TreeMap<>(files.manifest().files()).entrySet()) {
      long age = ChronoUnit.DAYS.between(e.getValue().asOf(), today);
      if (age > maxAgeDays) {
        out.add(
            "warning: "
                + files.display(e.getKey())
                + " is "
                + age
                + " days old (asOf "
                + e.getValue().asOf()
                + "); check for newer data");
      }
    }
    return out;
  }
}
