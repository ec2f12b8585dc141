package kz.shipcheck.pack;

import java.util.regex.Pattern;

/** Check digits of Kazakh BINs and ISO 6346 container numbers, for the rules to call. */
public final class Identifiers {
  // compiled once: String.matches compiles its pattern on every call, and rules call these per fact
  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
  private static final Pattern CONTAINER = Pattern.compile("[A-Z]{3}[UJZ]\\d{7}");

  private static final int[] BIN_SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

  private Identifiers() {}

  /**
   * A BIN/IIN is 12 digits whose last is a check digit: s = Σ dᵢ·i (i = 1..11) mod 11; if s = 10, s
   * = Σ dᵢ·wᵢ mod 11 with w = 3..11,1,2; if still 10 the number is invalid.
   */
  public static boolean binValid(String bin) {
    if (bin == null || bin.length() != 12) {
      return false;
    }
    int[] d = new int[12];
    for (int i = 0; i < 12; i++) {
      char c = bin.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      d[i] = c - '0';
    }
    int s = 0;
    for (int i = 0; i < 11; i++) {
      s += d[i] * (i + 1);
    }
    s %= 11;
    if (s == 10) {
      s = 0;
      for (int i = 0; i < 11; i++) {
        s += d[i] * BIN_SECOND_WEIGHTS[i];
      }
      s %= 11;
      if (s == 10) {
        return false;
      }
    }
    return d[11] == s;
  }

  /**
   * Which way a BIN is invalid, as a message variant: {@code missing}, {@code length} (not 12
   * digits) or {@code checkDigit}.
   */
  public static String binProblemKind(String bin) {
    if (bin == null || bin.isBlank()) {
      return "missing";
    }
    return TWELVE_DIGITS.matcher(bin).matches() ? "checkDigit" : "length";
  }

  /**
   * Which way a container number is invalid, as a message variant: {@code missing}, {@code shape}
   * (not 3 letters, U/J/Z and 7 digits) or {@code checkDigit}.
   */
  public static String containerProblemKind(String number) {
    if (number == null || number.isBlank()) {
      return "missing";
    }
    return CONTAINER.matcher(number.replace(" ", "").replace("-", "")).matches()
        ? "checkDigit"
        : "shape";
  }

  /**
   * The ISO 6346 check digit a well-shaped container number should end in, or -1 for another shape.
   */
  public static int containerCheckDigit(String number) {
    String n = number == null ? "" : number.replace(" ", "").replace("-", "");
    if (!CONTAINER.matcher(n).matches()) {
      return -1;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += containerValue(n.charAt(i)) << i;
    }
    return sum % 11 % 10;
  }

  /** Why a BIN is invalid, in English (packs from before messages were data). */
  public static String binProblem(String bin) {
    if (bin == null || bin.isBlank()) {
      return "no BIN given";
    }
    if (!TWELVE_DIGITS.matcher(bin).matches()) {
      return "a BIN has exactly 12 digits, found '" + bin + "'";
    }
    return "BIN " + bin + " fails its check digit (the 12th digit)";
  }

  /**
   * ISO 6346: owner code (3 letters), category (U, J or Z), 6 digits, check digit. Letters take the
   * values 10..38 skipping multiples of 11; the weighted sum (2^position) mod 11 mod 10 is the
   * check digit.
   */
  public static boolean containerValid(String number) {
    if (number == null) {
      return false;
    }
    String n = number.replace(" ", "").replace("-", "");
    if (!CONTAINER.matcher(n).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += containerValue(n.charAt(i)) << i;
    }
    return sum % 11 % 10 == n.charAt(10) - '0';
  }

  /** Why a container number fails ISO 6346, for the finding's message. */
  public static String containerProblem(String number) {
    if (number == null || number.isBlank()) {
      return "an empty container number";
    }
    String n = number.replace(" ", "").replace("-", "");
    if (!CONTAINER.matcher(n).matches()) {
      return "container number '"
          + number
          + "' is not 3 capital letters, U, J or Z, and 7 digits (ISO 6346)";
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += containerValue(n.charAt(i)) << i;
    }
    return "container number "
        + number
        + " fails its ISO 6346 check digit (the last digit should be "
        + (sum % 11 % 10)
        + ")";
  }

  private static int containerValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int v = 10;
    for (char x = 'A'; x < c; x++) {
      v++;
      if (v % 11 == 0) {
        v++;
      }
    }
    return v;
  }
}
