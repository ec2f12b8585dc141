package kz.shipcheck.pack;

import java.util.ArrayList;
import java.util.List;

/** Positions in a declaration's lists that a rule points at. */
public final class Positions {
  private Positions() {}

  /**
   * The positions k in {@code covers} whose item index is not an item of the declaration (0 ≤ index
   * < itemCount), so a finding can point at {@code certificates[j].covers[k]}.
   */
  public static List<Integer> outOfRange(List<Integer> covers, int itemCount) {
    if (covers == null) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>(0);
    for (int k = 0; k < covers.size(); k++) {
      Integer i = covers.get(k);
      if (i == null || i < 0 || i >= itemCount) {
        out.add(k);
      }
    }
    return out;
  }

  /** The positions of container numbers that fail ISO 6346 (or are empty). */
  public static List<Integer> invalidContainers(List<String> containers) {
    if (containers == null) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>(0);
    for (int k = 0; k < containers.size(); k++) {
      if (!Identifiers.containerValid(containers.get(k))) {
        out.add(k);
      }
    }
    return out;
  }
}
