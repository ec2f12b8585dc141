package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as a person writes and reads them: a declared value or a limit is the exact decimal
 * written ({@code -17.99999999999999999} is not -18), and is printed back as written, 70 rather
 * than 70.0.
 *
 * <p>A double would round {@code -17.99999999999999999} to -18 and pass it against "-18 °C or
 * colder", so every number a rule compares is a {@link BigDecimal} built from its source text. YAML
 * also has spellings that mean one number to one reader and another (or text) to the next: {@code
 * 017} is 15 to YAML 1.1 and 17 to YAML 1.2, {@code 1_000} and {@code 1:30} are numbers to YAML 1.1
 * and text to YAML 1.2, {@code .nan} and {@code .inf} pass or fail no limit honestly. Only plain
 * decimals are numbers here; {@link #oddSpelling} names what is wrong with the rest.
 */
public final class Numbers {
  /** Digits a number may have before the decimal point: below 10^15 in size. */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** Digits a number may have after the decimal point, trailing zeros not counted. */
  public static final int MAX_DECIMAL_PLACES = 30;

  // Only character classes are repeated below, never groups: a repeated group makes Java's regex
  // recurse once per repetition (a 60,000-character "1,1,1,..." overflows the stack) and can
  // backtrack quadratically; a scalar may be 64 KiB long.
  private static final Pattern DECIMAL =
      Pattern.compile("([-+]?)([0-9]*)(?:\\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?");
  private static final Pattern NAN = Pattern.compile("[-+]?\\.(?:nan|NaN|NAN)");
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)");
  private static final Pattern PREFIXED = Pattern.compile("[-+]?0([xXoObB])[0-9a-fA-F_]*");
  private static final Pattern DIGITS_AND_UNDERSCORES =
      Pattern.compile("[-+]?[0-9_.]+(?:[eE][-+]?[0-9]+)?");
  private static final Pattern BASE_60 =
      Pattern.compile("[-+]?[0-9][0-9_]*:[0-9_:]*(?:\\.[0-9_]*)?");
  private static final Pattern LEADING_ZERO =
      Pattern.compile("[-+]?0[0-9][0-9_]*(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?");
  private static final Pattern DIGITS_AND_COMMAS = Pattern.compile("[-+]?[0-9][0-9,]*");

  private Numbers() {}

  /** The shortest plain decimal form of a value, without an exponent; "none" for null. */
  public static String plain(BigDecimal value) {
    if (value == null) {
      return "none";
    }
    // parse() keeps at most 45 significant digits in range, so the plain form stays short
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /**
   * The exact value of a plain decimal ({@code -18}, {@code +5}, {@code 69.999999999999999999},
   * {@code 1.2e1}, {@code .5}), as a person reads it; {@code -0} is 0.
   *
   * @throws NumberFormatException saying why the text is not such a number: an odd YAML spelling
   *     ({@link #oddSpelling}), not a number at all, or out of range (at most {@value
   *     #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_DECIMAL_PLACES} after: then
   *     an {@link OutOfRange})
   */
  public static BigDecimal parse(String text) {
    String odd = oddSpelling(text);
    if (odd != null) {
      throw new NumberFormatException(odd);
    }
    Matcher m = DECIMAL.matcher(text);
    String whole = m.matches() ? m.group(2) : "";
    String fraction = m.matches() && m.group(3) != null ? m.group(3) : "";
    if (whole.isEmpty() && fraction.isEmpty()) {
      throw new NumberFormatException("not a decimal number");
    }
    String digits = whole + fraction;
    int first = 0;
    while (first < digits.length() && digits.charAt(first) == '0') {
      first++;
    }
    if (first == digits.length()) {
      return BigDecimal.ZERO; // 0, -0, 0.000, 0e999999999: zero whatever the exponent
    }
    int last = digits.length() - 1;
    while (digits.charAt(last) == '0') {
      last--;
    }
    // The exponent is read with its size checked before any arithmetic, so 1e999999999 costs as
    // little as 1e9 and never becomes a billion-digit number.
    long exponent = 0;
    if (m.group(4) != null) {
      String e = m.group(4);
      boolean negative = e.startsWith("-");
      String magnitude = e.replaceFirst("^[-+]", "").replaceFirst("^0+(?=.)", "");
      if (magnitude.length() > 9) {
        throw new OutOfRange(negative ? tooPrecise() : outOfRange());
      }
      exponent = negative ? -Long.parseLong(magnitude) : Long.parseLong(magnitude);
    }
    long point = whole.length() + exponent; // where the decimal point falls within digits
    if (point - first > MAX_INTEGER_DIGITS) {
      throw new OutOfRange(outOfRange());
    }
    if (last + 1 - point > MAX_DECIMAL_PLACES) {
      throw new OutOfRange(tooPrecise());
    }
    // keep the scale written (22000 stays 22000, 70.000 stays 70.000), but drop trailing zeros
    // beyond the places allowed, which change nothing, so no value carries thousands of digits
    int end = (int) Math.min(digits.length(), point + MAX_DECIMAL_PLACES);
    BigDecimal value =
        new BigDecimal(new BigInteger(digits.substring(first, end)), (int) (end - point));
    return "-".equals(m.group(1)) ? value.negate() : value;
  }

  /**
   * Why a YAML spelling of a number is not a plain decimal, or null when it is one or looks like no
   * number at all. Each spelling here means different things to different readers, so a declaration
   * written with it could say one thing to its author and another to the rules.
   */
  public static String oddSpelling(String text) {
    if (NAN.matcher(text).matches()) {
      return "'" + text + "' is YAML's not-a-number, which no limit can be checked against";
    }
    if (INFINITY.matcher(text).matches()) {
      return "'" + text + "' is YAML's infinity, which no limit can be checked against";
    }
    Matcher prefixed = PREFIXED.matcher(text);
    if (prefixed.matches()) {
      String base =
          switch (Character.toLowerCase(prefixed.group(1).charAt(0))) {
            case 'x' -> "a hexadecimal";
            case 'o' -> "an octal";
            default -> "a binary";
          };
      return base + " number to some YAML readers and text to others; write it in decimal";
    }
    if (BASE_60.matcher(text).matches()) {
      return "YAML 1.1 reads 1:30 as the base-60 number 90 and YAML 1.2 as text; write one decimal"
          + " number, e.g. minutes as 90";
    }
    if (text.indexOf('_') >= 0
        && DIGITS_AND_UNDERSCORES.matcher(text).matches()
        && text.chars().anyMatch(c -> c >= '0' && c <= '9')) {
      return "YAML 1.1 reads digits grouped with '_' as one number and YAML 1.2 as text; write the"
          + " digits without '_'";
    }
    if (LEADING_ZERO.matcher(text).matches()) {
      return "YAML 1.1 reads a leading zero as octal (017 is 15) and YAML 1.2 as decimal (017 is 17);"
          + " write the number without leading zeros";
    }
    if (text.indexOf(',') >= 0 && DIGITS_AND_COMMAS.matcher(text).matches()) {
      return "YAML has neither a decimal comma nor digit grouping; write a decimal point and no"
          + " separators";
    }
    return null;
  }

  /** A plain decimal too large, or with too many decimal places, to be a declared quantity. */
  public static final class OutOfRange extends NumberFormatException {
    private static final long serialVersionUID = 1L;

    OutOfRange(String reason) {
      super(reason);
    }
  }

  private static String outOfRange() {
    return "out of range: a number has at most "
        + MAX_INTEGER_DIGITS
        + " digits before the decimal point";
  }

  private static String tooPrecise() {
    return "more than " + MAX_DECIMAL_PLACES + " decimal places, which no declared quantity has";
  }
}
