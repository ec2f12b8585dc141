package kz.shipcheck.report;

/**
 * Makes a value safe to print where a person reads it: the text report, the summary and error lines
 * on stderr, {@code explain}, {@code rules}, {@code test} and the github format. Ids, product
 * names, file names and every other declared value reach those outputs, and a value is whatever the
 * author of a declaration wrote: a carriage return, a line feed or an escape sequence in it could
 * draw a fake {@code PASS} line over a failing one on a terminal, and a line starting {@code
 * ::error::} on stdout or stderr is a real annotation to the GitHub Actions runner. Bidirectional
 * and other invisible format characters (U+202E turns the rest of a line around) make a line read
 * differently from what it holds.
 *
 * <p>So every such character is written as a visible escape instead: {@code \r}, {@code \n}, {@code
 * \t}, other C0 controls and DEL as {@code \x1b}, everything else (C1 controls, Unicode format
 * characters, line and paragraph separators, lone surrogates) as a backslash, {@code u} and four
 * hex digits (U+202E becomes the six characters {@code \}{@code u202e}) or, beyond the Basic
 * Multilingual Plane, {@code \U} and eight hex digits. {@code \xNN} above 7f appears only in a file
 * name whose bytes are not UTF-8 ({@code kz.shipcheck.input.Sources}). Backslashes themselves are
 * left alone: an escape can make two values look alike, but never make a value draw a line.
 *
 * <p>Structured formats (json, jsonl, sarif, junit, html, csv) keep values exact: their own
 * escaping already keeps them inside their field.
 */
public final class Display {
  private Display() {}

  /** The value with every control, format and separator character escaped; null stays null. */
  public static String safe(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    int n = s.length();
    while (i < n && !unsafe(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    if (i == n) {
      return s; // the usual case: nothing to escape, no copy
    }
    StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
    while (i < n) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!unsafe(c)) {
        b.appendCodePoint(c);
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x80) {
        b.append(String.format("\\x%02x", c));
      } else if (c <= 0xFFFF) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.append(String.format("\\U%08x", c));
      }
    }
    return b.toString();
  }

  /** Whether the code point may not be printed as itself. */
  static boolean unsafe(int c) {
    if (c >= 0x20 && c < 0x7F) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }
}
