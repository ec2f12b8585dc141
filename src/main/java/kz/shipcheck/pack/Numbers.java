package kz.shipcheck.pack;

import java.math.BigDecimal;

/** Numbers written for people: 70 rather than 70.0, 1.2 as 1.2. */
public final class Numbers {
  private Numbers() {}

  /** The shortest plain decimal form of a value; "none" for null. */
  public static String plain(Double value) {
    if (value == null) {
      return "none";
    }
    if (value.isNaN() || value.isInfinite()) {
      return value.toString();
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
