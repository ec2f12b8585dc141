package kz.shipcheck.check;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.shipcheck.engine.Args;
import kz.shipcheck.engine.Phrase;
import kz.shipcheck.engine.Text;
import kz.shipcheck.yaml.InputProblem;

/**
 * The reader's problems in words: the reader (yaml/, input/) sits below the engine and records a
 * problem as a key and arguments; here, where findings are made, they become text in the run's
 * language.
 */
public final class InputMessages {
  private InputMessages() {}

  /**
   * The problem's message in this language: its template and arguments; the reader's English when
   * the problem carries no key (or no messages file has the template).
   */
  public static String render(Text text, InputProblem p) {
    if (!p.hasKey()) {
      return p.getMessage();
    }
    String m = text.renderOrNull(p.messageKey(), args(p.messageArgs()));
    return m == null ? p.getMessage() : m;
  }

  private static Args args(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            out.put(k, v instanceof InputProblem.Word w ? new Phrase(w.key(), args(w.args())) : v));
    return Args.from(out);
  }
}
