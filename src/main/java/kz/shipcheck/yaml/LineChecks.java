package kz.shipcheck.yaml;

/**
 * Checks on a document's lines made before the YAML parser sees it: a line too long to scan in
 * reasonable time, and characters YAML 1.1 takes for line breaks where an editor does not.
 */
final class LineChecks {
  private LineChecks() {}

  /**
   * Refuses a long line before SnakeYAML scans it (its time grows with the square of the length).
   */
  static void checkLineLength(YamlReader.Segment segment, int max) throws InputProblem {
    String text = segment.text();
    if (text.length() <= max) {
      return;
    }
    int start = 0;
    for (int line = 1; start <= text.length(); line++) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (end - start > max) {
        throw new InputProblem(
            "INPUT-LIMIT",
            "line",
            InputProblem.args("length", end - start, "limit", max),
            "a line of "
                + (end - start)
                + " characters exceeds the limit of "
                + max
                + " (--max-line-chars)",
            "",
            segment.lineOffset() + line,
            1);
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
  }

  /**
   * Refuses the characters SnakeYAML (YAML 1.1) takes for line breaks but an editor and {@code
   * grep} do not: NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029), and a
   * carriage return not followed by a line feed (a break in some editors, not in others). In a
   * comment one of them hides the rest of the line from the reader's eye but not from the parser
   * ({@code # log<U+2028>heatTreatment: ...} adds a key nobody sees), and every line number after
   * it would shift. Declarations are YAML 1.2 data, where these are no line breaks; rather than
   * guess which reading the writer meant, the document is refused at the character, also in quoted
   * text, where a declaration has no use for them. Its position counts lines by {@code \n} and
   * columns in characters (code points), as every finding does.
   */
  static void checkLineBreaks(YamlReader.Segment segment) throws InputProblem {
    String text = segment.text();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String name;
      String which;
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      } else if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          continue;
        }
        name = "a carriage return (U+000D) not followed by a line feed";
        which = "cr";
      } else if (c == '\u0085') {
        name = "NEXT LINE (U+0085)";
        which = "nel";
      } else if (c == '\u2028') {
        name = "LINE SEPARATOR (U+2028)";
        which = "ls";
      } else if (c == '\u2029') {
        name = "PARAGRAPH SEPARATOR (U+2029)";
        which = "ps";
      } else {
        continue;
      }
      throw new InputProblem(
          "INPUT-SYNTAX",
          "lineBreak",
          InputProblem.args("character", which),
          "YAML syntax: "
              + name
              + " is a line break to YAML 1.1 but not to an editor or grep, so"
              + " what follows it on this line would be read as hidden content: remove it, or end"
              + " the line with a line feed",
          "",
          segment.lineOffset() + line,
          text.codePointCount(lineStart, i) + 1);
    }
  }
}
