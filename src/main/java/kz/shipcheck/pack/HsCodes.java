package kz.shipcheck.pack;

import java.util.ArrayList;
import java.util.List;

/** HS code helpers: headings to digit prefixes, and the SPEC's format check. */
public final class HsCodes {

  private HsCodes() {}

  /** The digits of an HS code, dots and spaces dropped. */
  public static String digits(String code) {
    return code == null ? "" : code.replace(".", "").replace(" ", "");
  }

  /** True for 4 to 10 digits with optional dots (SPEC §1). */
  public static boolean wellFormed(String code) {
    if (code == null) {
      return false;
    }
    String d = digits(code.trim());
    return d.length() >= 4 && d.length() <= 10 && d.chars().allMatch(Character::isDigit)
        && code.trim().matches("[0-9.]+") && !code.contains("..");
  }

  /** "0206.41-0206.49" to [020641 … 020649]; "1001" to [1001]. */
  static List<String> expand(String heading) {
    String h = heading.trim();
    int dash = h.indexOf('-');
    if (dash < 0) {
      String d = digits(h);
      if (d.isEmpty() || !d.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not an HS heading: '" + heading + "'");
      }
      return List.of(d);
    }
    String lo = digits(h.substring(0, dash));
    String hi = digits(h.substring(dash + 1));
    if (lo.length() != hi.length() || lo.isEmpty() || !(lo + hi).chars().allMatch(Character::isDigit)
        || lo.compareTo(hi) > 0 || Long.parseLong(hi) - Long.parseLong(lo) > 1000) {
      throw new IllegalArgumentException("not an HS range: '" + heading + "'");
    }
    List<String> out = new ArrayList<>();
    for (long v = Long.parseLong(lo); v <= Long.parseLong(hi); v++) {
      out.add(String.format("%0" + lo.length() + "d", v));
    }
    return out;
  }
}
