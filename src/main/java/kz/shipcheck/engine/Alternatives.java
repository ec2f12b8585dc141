package kz.shipcheck.engine;

import java.util.List;

/**
 * Values of which any one will do ("a or b"), joined by the language's own "or" list pattern when
 * rendered. The values themselves (keys, protocol wording) stay as written.
 *
 * @param quoted whether each value is shown in single quotes
 */
public record Alternatives(List<String> values, boolean quoted) {
  public Alternatives {
    values = List.copyOf(values);
  }

  public static Alternatives of(List<String> values) {
    return new Alternatives(values, false);
  }

  public static Alternatives quoted(List<String> values) {
    return new Alternatives(values, true);
  }
}
