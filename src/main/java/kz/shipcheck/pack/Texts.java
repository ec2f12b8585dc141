package kz.shipcheck.pack;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text predicates the rules call: blank values and required wording. */
public final class Texts {
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private Texts() {}

  /** True for null, empty or whitespace-only text. */
  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * True when the text contains at least one of the phrases, ignoring case and runs of white
   * space (an additional declaration wrapped over two lines still mentions "dwarf bunt").
   */
  public static boolean mentionsAny(String text, List<String> phrases) {
    if (text == null) {
      return false;
    }
    String t = normalise(text);
    for (String p : phrases) {
      if (!p.isBlank() && t.contains(normalise(p))) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String s) {
    return BLANKS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }
}
