package kz.shipcheck.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * What Jackson and SnakeYAML say when they cannot read a document, in words a user can act on and
 * at the line and column of the file (a segment's offset added).
 */
final class YamlProblems {
  private YamlProblems() {}

  /**
   * Turns a YAML error into a problem a user can act on: SnakeYAML's mark when it has one, a
   * readable reason instead of SnakeYAML's internal event names, INPUT-LIMIT for its limits.
   */
  static InputProblem syntaxProblem(
      JsonProcessingException e, YamlReader.Segment segment, YAMLParser parser) {
    int offset = segment.lineOffset();
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      String problem = plain(m.getProblem() == null ? firstLine(m.getMessage()) : m.getProblem());
      Mark started = m.getContextMark();
      String context =
          m.getContext() == null
              ? ""
              : " ("
                  + m.getContext()
                  + (started != null && started.getLine() != mark.getLine()
                      ? " that starts on line " + (started.getLine() + 1 + offset)
                      : "")
                  + ")";
      String message = "YAML syntax: " + problem + context;
      String variant = "marked";
      java.util.Map<String, Object> args =
          InputProblem.args(
              "detail",
              problem,
              "context",
              m.getContext(),
              "startLine",
              started != null && started.getLine() != mark.getLine()
                  ? started.getLine() + 1 + offset
                  : null);
      if (problem.contains("\\t(TAB)")) {
        variant = "tab";
        args = InputProblem.args();
        message =
            "YAML syntax: a tab character where YAML allows only spaces; indent and separate"
                + " values with spaces";
      }
      return new InputProblem(
          "INPUT-SYNTAX",
          variant,
          args,
          message,
          "",
          mark.getLine() + 1 + offset,
          mark.getColumn() + 1);
    }
    if (cause instanceof YAMLException y) {
      return snakeProblem(y, segment);
    }
    String msg = e.getOriginalMessage();
    // Jackson's own refusals name SnakeYAML events; say what is wrong in YAML terms instead, at
    // the event's position (Jackson's exception location is the document start here)
    String rule = "INPUT-SYNTAX";
    String reason = null;
    String variant = "parser";
    if (msg != null && msg.startsWith("Expected a field name")) {
      if (msg.contains("AliasEvent")) {
        rule = "INPUT-ALIAS";
        reason = "a YAML alias used as a key is not allowed: write the key out";
        variant = "key";
      } else {
        reason = "YAML syntax: a mapping key must be plain text, not a list or a mapping";
        variant = "key";
      }
    }
    JsonLocation at = parser == null ? null : parser.currentTokenLocation();
    if (at == null || at.getLineNr() < 1) {
      at = e.getLocation();
    }
    return new InputProblem(
        rule,
        variant,
        reason != null ? java.util.Map.of() : InputProblem.args("detail", firstLine(msg)),
        reason != null ? reason : "YAML syntax: " + firstLine(msg),
        "",
        at == null ? offset + 1 : Math.max(1, at.getLineNr()) + offset,
        at == null ? 1 : Math.max(1, at.getColumnNr()));
  }

  /** SnakeYAML's unchecked exceptions: its limits, and characters YAML does not allow. */
  static InputProblem snakeProblem(YAMLException e, YamlReader.Segment segment) {
    int offset = segment.lineOffset();
    if (e instanceof ReaderException r) {
      int[] at = position(segment.text(), r.getPosition());
      return new InputProblem(
          "INPUT-SYNTAX",
          "control",
          InputProblem.args("codePoint", String.format("%04X", r.getCodePoint())),
          String.format(
              "YAML syntax: control character U+%04X is not allowed in YAML text",
              r.getCodePoint()),
          "",
          at[0] + offset,
          at[1]);
    }
    if (e instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      return new InputProblem(
          "INPUT-SYNTAX",
          "parser",
          InputProblem.args(
              "detail", firstLine(m.getProblem() == null ? m.getMessage() : m.getProblem())),
          "YAML syntax: " + firstLine(m.getProblem() == null ? m.getMessage() : m.getProblem()),
          "",
          mark.getLine() + 1 + offset,
          mark.getColumn() + 1);
    }
    String msg = firstLine(e.getMessage());
    boolean limit =
        msg.contains("limit") || msg.contains("exceed") || msg.contains("Nesting Depth");
    return new InputProblem(
        limit ? "INPUT-LIMIT" : "INPUT-SYNTAX",
        "parser",
        InputProblem.args("detail", msg),
        (limit ? "the document exceeds an input limit: " : "YAML syntax: ") + msg,
        "",
        offset + 1,
        1);
  }

  /** 1-based line and column of the {@code index}-th code point of the text. */
  private static int[] position(String text, int index) {
    int line = 1;
    int col = 1;
    int i = 0;
    for (int cp = 0; i < text.length() && cp < index; cp++) {
      char c = text.charAt(i);
      i += Character.charCount(text.codePointAt(i));
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  /** SnakeYAML's token names in words a user knows. */
  private static String plain(String problem) {
    return problem
        .replace("'<scalar>'", "a value")
        .replace("<scalar>", "a value")
        .replace("<block end>", "the end of the indented block")
        .replace("'<block mapping start>'", "an indented mapping")
        .replace("'<block sequence start>'", "an indented list")
        .replace("'<block end>'", "the end of the indented block")
        .replaceAll(" got :$", " found ':'");
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
