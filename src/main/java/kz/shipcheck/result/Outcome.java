package kz.shipcheck.result;

import java.util.Locale;

/** pass: no unwaived error; fail: at least one; invalid: could not be read as a declaration. */
public enum Outcome {
  PASS,
  FAIL,
  INVALID;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
