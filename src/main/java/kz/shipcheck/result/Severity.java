package kz.shipcheck.result;

import java.util.Locale;

/** How serious a finding is; only errors fail a declaration under the default {@code --fail-on}. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in DRL metadata and every report. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code error}, {@code warning} or {@code info}; null for anything else. */
  public static Severity parse(String s) {
    if (s == null) {
      return null;
    }
    for (Severity v : values()) {
      if (v.label().equals(s.trim())) {
        return v;
      }
    }
    return null;
  }
}
