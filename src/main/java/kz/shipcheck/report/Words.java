package kz.shipcheck.report;

import java.util.Map;

/**
 * The words a reporter prints around the results (labels, the summary), by key from the rule pack's
 * messages ({@code ui.*}) in the chosen language. Reporters get it from the command line; they
 * never read messages files themselves.
 */
@FunctionalInterface
public interface Words {
  /** The text with this key, its named arguments filled in. */
  String text(String key, Map<String, Object> args);

  default String text(String key) {
    return text(key, Map.of());
  }
}
