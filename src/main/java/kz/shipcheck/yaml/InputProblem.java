package kz.shipcheck.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a document cannot be read as a declaration, and where. Thrown by the YAML reader and turned
 * into an {@code invalid} result by the declaration reader (input); never escapes to the user as a
 * stack trace.
 */
public final class InputProblem extends Exception {
  private static final long serialVersionUID = 1L;

  private final String rule;
  private final String path;
  private final int line;
  private final int column;
  private final String variant;
  private final Map<String, Object> args;
  private final boolean keyed;

  /** A problem said only in English (pack and waiver files, whose errors are not findings). */
  public InputProblem(String rule, String message, String path, int line, int column) {
    super(message, null, false, false);
    this.rule = rule;
    this.variant = null;
    this.args = Map.of();
    this.keyed = false;
    this.path = path;
    this.line = line;
    this.column = column;
  }

  /**
   * A problem as data: its message is the template {@code <rule>.message[.<variant>]} with these
   * named arguments, rendered in the run's language where findings are made (this package sits
   * below the engine and has no words of its own). {@code english} is the same sentence in English,
   * kept for errors that are not findings; a test holds it equal to the English template.
   *
   * @param args name, value pairs; a value is text or a number, as written in the input
   */
  public InputProblem(
      String rule,
      String variant,
      Map<String, ?> args,
      String english,
      String path,
      int line,
      int column) {
    super(english, null, false, false);
    this.rule = rule;
    this.variant = variant;
    this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    this.keyed = true;
    this.path = path;
    this.line = line;
    this.column = column;
  }

  /**
   * An argument that is itself words: the template {@code key} with its arguments, rendered in the
   * same language (a value's kind, what a field expects).
   */
  public record Word(String key, Map<String, Object> args) {
    public Word {
      args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public Word(String key) {
      this(key, Map.of());
    }
  }

  /** Name, value pairs for the arguments, in order. */
  public static Map<String, Object> args(Object... nameValuePairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      m.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return m;
  }

  /** The message's key: {@code <rule>.message} or {@code <rule>.message.<variant>}. */
  public String messageKey() {
    return rule + ".message" + (variant == null ? "" : "." + variant);
  }

  /** Whether the message is data (a key and arguments) rather than English text only. */
  public boolean hasKey() {
    return keyed;
  }

  /** The message's named arguments, in order; a value may be null (shown as none). */
  public Map<String, Object> messageArgs() {
    return args;
  }

  public String rule() {
    return rule;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
