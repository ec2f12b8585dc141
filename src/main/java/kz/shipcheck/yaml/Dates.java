package kz.shipcheck.yaml;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Dates as the formats write them: yyyy-mm-dd, and only days that exist. Declarations, waivers, the
 * pack manifest and its data rows all read dates this one way.
 */
public final class Dates {
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  private Dates() {}

  /** Parses yyyy-mm-dd strictly: 2025-02-30 is not a date. Null when the text is not one. */
  public static LocalDate parse(String text) {
    var m = ISO_DATE.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
