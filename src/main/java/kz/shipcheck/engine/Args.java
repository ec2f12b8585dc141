package kz.shipcheck.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named arguments of a message: what a rule found, as values, never as English words. A
 * reference row (product, region, crossing, …) is passed as the row and shown by its display name
 * in the reader's language; a declared value as written; a figure from the data as its exact
 * decimal; a date as a date. {@link Text} turns them into text.
 */
public final class Args {
  private static final Args NONE = new Args(Map.of());

  private final Map<String, Object> values;

  private Args(Map<String, Object> values) {
    this.values = values;
  }

  /** No arguments. */
  public static Args none() {
    return NONE;
  }

  /** Arguments from name, value pairs: {@code Args.of("product", $p, "date", $i.getDate())}. */
  public static Args of(Object... nameValuePairs) {
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("Args.of takes name, value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      if (!(nameValuePairs[i] instanceof String name)) {
        throw new IllegalArgumentException("argument " + i / 2 + ": the name must be a string");
      }
      if (m.containsKey(name)) {
        throw new IllegalArgumentException("argument " + name + " is given twice");
      }
      m.put(name, nameValuePairs[i + 1]);
    }
    return new Args(Collections.unmodifiableMap(m));
  }

  /** Arguments from a map of names to values. */
  public static Args from(Map<String, ?> values) {
    return new Args(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  /** The arguments by name, in the order given; a value may be null. */
  public Map<String, Object> values() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
