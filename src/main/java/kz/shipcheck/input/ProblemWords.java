package kz.shipcheck.input;

import kz.shipcheck.input.Schema.Simple;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlNode;

/**
 * How an input problem names what a field expects and what was found: the English of the reader's
 * own text and the message words translations use. Apart from {@link SchemaValidator} so that the
 * validator reads as the checks alone, and because {@link DeclarationReader} names a document's
 * kind the same way.
 */
final class ProblemWords {
  private ProblemWords() {}

  static String expected(Simple type) {
    return switch (type) {
      case TEXT -> "text";
      case DATE -> "a date (yyyy-mm-dd)";
      case NUMBER -> "a number";
      case INDEX -> "a whole number, 0 or more";
      case BOOLEAN -> "true or false";
    };
  }

  /** What a field expects, as words of the messages (the English is the reader's own text). */
  static Object expectedWord(String expected) {
    String mapping = "a mapping of ";
    if (expected.startsWith(mapping)) {
      return new InputProblem.Word(
          "INPUT-TYPE.expected.mapping",
          InputProblem.args("keys", expected.substring(mapping.length())));
    }
    String code =
        switch (expected) {
          case "a list" -> "list";
          case "text" -> "text";
          case "a date (yyyy-mm-dd)" -> "date";
          case "a number" -> "number";
          case "a whole number, 0 or more" -> "index";
          case "a whole number, 0 or more (an item index)" -> "indexItem";
          case "true or false" -> "boolean";
          default -> null;
        };
    return code == null ? expected : new InputProblem.Word("INPUT-TYPE.expected." + code);
  }

  /** A value's kind ({@link YamlNode#kindName}) as words of the messages. */
  static Object kindWord(String kind) {
    String code =
        switch (kind) {
          case "a mapping" -> "mapping";
          case "a list" -> "list";
          case "an empty value" -> "empty";
          case "a boolean" -> "boolean";
          case "a number" -> "number";
          case "text" -> "text";
          default -> null;
        };
    return code == null ? kind : new InputProblem.Word("INPUT-TYPE.kind." + code);
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  /**
   * Shows look-alike characters (Cyrillic 'о' in 'prоduct') as escapes so the user can see them.
   */
  static String printable(String key) {
    StringBuilder b = new StringBuilder();
    key.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0x20 && cp < 0x7f) {
                b.appendCodePoint(cp);
              } else {
                b.append(String.format("\\u%04X", cp));
              }
            });
    return b.toString();
  }
}
