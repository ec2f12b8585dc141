package kz.shipcheck.input;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;

/**
 * The checks built into the reader rather than written in DRL: they decide whether a document can
 * be read as a declaration at all ({@code invalid}), plus the batch-wide duplicate-id check. They
 * appear in the catalogue beside the pack's rules.
 */
public final class InputRules {
  public static final String DUPLICATE_ID = "BATCH-001";

  private static final String SPEC = "shipcheck declaration format (docs/declaration-format.md)";

  public static final List<RuleInfo> ALL =
      List.of(
          rule("INPUT-SYNTAX", "The document is valid YAML"),
          rule("INPUT-ENCODING", "The file is UTF-8 text"),
          rule("INPUT-BINARY", "The file is text, not binary data"),
          rule("INPUT-EMPTY", "The file holds at least one declaration"),
          rule("INPUT-UNREADABLE", "The file can be opened and read"),
          rule("INPUT-LIMIT", "The input stays within the size, depth and document limits"),
          rule("INPUT-TAG", "No YAML tags: declarations are plain data"),
          rule("INPUT-ALIAS", "No YAML aliases: values are written out"),
          rule("INPUT-TYPE", "Every value has the type the format requires"),
          rule("INPUT-UNKNOWN-KEY", "Every key is part of the declaration format"),
          rule("INPUT-DUPLICATE-KEY", "No key appears twice in one mapping"),
          rule("INPUT-REQUIRED", "Required fields are present"),
          new RuleInfo(
              DUPLICATE_ID,
              Severity.ERROR,
              "Declaration ids are unique within a batch",
              SPEC,
              "model",
              List.of(),
              "(built in)",
              0));

  private InputRules() {}

  /**
   * {@link #idProblem}'s rules as a regular expression that matches the ids it accepts (and asks
   * for a character that is not a space, as every required text does), for the JSON Schema that
   * editors check declarations with. Written in the part of the syntax that ECMA-262 (with the
   * {@code u} flag, as JSON Schema asks) and {@link java.util.regex} read alike.
   */
  public static final String ID_PATTERN =
      "^(?![\\s\\S]*(?:[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Zl}\\p{Zp}]|(?! )\\p{Zs}))"
          + "(?![\\s\\S]*\\p{sc=Latin}[\\s\\S]*(?:\\p{sc=Greek}|\\p{sc=Cyrillic}))"
          + "(?![\\s\\S]*\\p{sc=Greek}[\\s\\S]*(?:\\p{sc=Latin}|\\p{sc=Cyrillic}))"
          + "(?![\\s\\S]*\\p{sc=Cyrillic}[\\s\\S]*(?:\\p{sc=Latin}|\\p{sc=Greek}))"
          + "[\\s\\S]*\\S";

  /**
   * The form in which declaration ids are compared: without leading and trailing spaces, in Unicode
   * NFC, so that {@code "KZ-1 "} and {@code "KZ-1"}, or an {@code É} written as one character and
   * as {@code E} with a combining accent, are one id to the duplicate check as they are to a
   * reader. Ids that pass {@link #idProblem} hold no other character a reader cannot see.
   */
  public static String idKey(String id) {
    String trimmed = id.strip();
    return Normalizer.isNormalized(trimmed, Normalizer.Form.NFC)
        ? trimmed
        : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
  }

  /**
   * Why an id cannot be told apart from another by a reader, or null when it can. An id is
   * printable text: no control characters (Cc, tabs and line feeds included), no format characters
   * (Cf: zero-width spaces and joiners, bidirectional controls, a byte-order mark, a soft hyphen),
   * no lone surrogate halves (Cs, which no encoding can write and which once all became the same
   * {@code ?}), no private-use characters (Co), no line or paragraph separators (Zl, Zp), and no
   * space but U+0020 (a no-break space looks like one). Its letters come from at most one of the
   * Latin, Greek and Cyrillic scripts, whose look-alikes are many: {@code KZ-СN-1} with a Cyrillic
   * {@code С}, or {@code KZ-Ο1} with a Greek {@code Ο}, would look like another id and be a
   * different one. (An id written wholly in another script's look-alikes stays a different id:
   * telling those apart needs Unicode's confusables table.)
   */
  public static String idProblem(String id) {
    IdProblem p = idProblemOf(id);
    return p == null ? null : p.english();
  }

  /**
   * Why an id cannot be told apart from another ({@link #idProblem}), as a message variant of
   * INPUT-TYPE with its arguments, so that every language can say it; null when it can be.
   */
  public record IdProblem(String variant, Map<String, Object> args, String english) {}

  /** {@link #idProblem}'s reason as data. */
  public static IdProblem idProblemOf(String id) {
    Character.UnicodeScript idScript = null;
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      i += Character.charCount(cp);
      String kind =
          switch (Character.getType(cp)) {
            case Character.CONTROL -> "control";
            case Character.FORMAT -> "format";
            case Character.SURROGATE -> "surrogate";
            case Character.PRIVATE_USE -> "privateUse";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "lineBreak";
            case Character.SPACE_SEPARATOR -> cp == ' ' ? null : "space";
            default -> null;
          };
      if (kind != null) {
        String what =
            switch (kind) {
              case "control" -> "a control character";
              case "format" -> "an invisible format character";
              case "surrogate" -> "half of a surrogate pair, which is no character";
              case "privateUse" -> "a private-use character";
              case "lineBreak" -> "a line break";
              default -> "a space that is not U+0020";
            };
        return new IdProblem(
            "idChar",
            Map.of("id", escaped(id), "char", describe(cp), "kind", kind),
            String.format(
                Locale.ROOT,
                "the declaration id '%s' holds %s (%s): an id is printable text",
                escaped(id),
                describe(cp),
                what));
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.LATIN
          || script == Character.UnicodeScript.GREEK
          || script == Character.UnicodeScript.CYRILLIC) {
        if (idScript != null && idScript != script) {
          return new IdProblem(
              "idScripts",
              Map.of(
                  "id",
                  escaped(id),
                  "first",
                  name(idScript),
                  "second",
                  name(script),
                  "char",
                  describe(cp)),
              String.format(
                  Locale.ROOT,
                  "the declaration id '%s' mixes %s and %s letters (%s): one may be a look-alike of"
                      + " the other, so that the id looks like another one; write it in one script",
                  escaped(id),
                  name(idScript),
                  name(script),
                  describe(cp)));
        }
        idScript = script;
      }
    }
    return null;
  }

  private static String name(Character.UnicodeScript script) {
    String s = script.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String describe(int cp) {
    String name = Character.getName(cp);
    return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
  }

  /**
   * The id with every character that is not plain printable text written as a Java escape; a long
   * one cut after its first hundred characters.
   */
  private static String escaped(String id) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < id.length(); ) {
      if (i >= 100) {
        out.append("…"); // an id of 65,000 characters makes no readable message
        break;
      }
      int cp = id.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean plain =
          cp == ' '
              || cp > ' '
                  && cp != 0x7f
                  && type != Character.CONTROL
                  && type != Character.FORMAT
                  && type != Character.SURROGATE
                  && type != Character.PRIVATE_USE
                  && type != Character.LINE_SEPARATOR
                  && type != Character.PARAGRAPH_SEPARATOR
                  && type != Character.SPACE_SEPARATOR;
      if (plain) {
        out.appendCodePoint(cp);
      } else {
        for (char c : Character.toChars(cp)) {
          out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        }
      }
    }
    return out.toString();
  }

  private static RuleInfo rule(String id, String title) {
    return new RuleInfo(id, Severity.ERROR, title, SPEC, "model", List.of(), "(built in)", 0);
  }
}
