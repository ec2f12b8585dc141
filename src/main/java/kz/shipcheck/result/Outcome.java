package kz.shipcheck.result;

import java.util.Locale;

/**
 * pass: no finding that fails the declaration under {@code --fail-on} (an unwaived error, or also
 * an unwaived warning under {@code --fail-on warning}); fail: at least one; invalid: could not be
 * read as a declaration.
 */
public enum Outcome {
  PASS,
  FAIL,
  INVALID;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
