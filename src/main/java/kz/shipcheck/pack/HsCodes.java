package kz.shipcheck.pack;

import java.util.ArrayList;
import java.util.List;

/** HS code helpers: headings to digit prefixes, and the format's check. */
public final class HsCodes {

  private HsCodes() {}

  /** The digits of an HS code, dots and spaces dropped. */
  public static String digits(String code) {
    return code == null ? "" : code.replace(".", "").replace(" ", "");
  }

  /**
   * True for 4 to 10 digits with optional single dots between or around them
   * (docs/declaration-format.md), blanks around the code ignored. Two rules call it for every item,
   * so it scans once and allocates nothing.
   */
  public static boolean wellFormed(String code) {
    if (code == null) {
      return false;
    }
    int start = 0;
    int end = code.length();
    while (start < end && code.charAt(start) <= ' ') {
      start++; // as String.trim()
    }
    while (end > start && code.charAt(end - 1) <= ' ') {
      end--;
    }
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = code.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c != '.' || i > start && code.charAt(i - 1) == '.') {
        return false; // only ASCII digits and dots, never two dots in a row
      }
    }
    return digits >= 4 && digits <= 10;
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
    if (lo.length() != hi.length()
        || lo.isEmpty()
        || !(lo + hi).chars().allMatch(Character::isDigit)
        || lo.compareTo(hi) > 0
        || Long.parseLong(hi) - Long.parseLong(lo) > 1000) {
      throw new IllegalArgumentException("not an HS range: '" + heading + "'");
    }
    List<String> out = new ArrayList<>();
    for (long v = Long.parseLong(lo); v <= Long.parseLong(hi); v++) {
      out.add(String.format("%0" + lo.length() + "d", v));
    }
    return out;
  }
}
