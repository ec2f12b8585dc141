package kz.shipcheck.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column (1-based) where it starts. Unlike Jackson's tree it keeps
 * every node's position, so that any finding can point at the offending value.
 */
public sealed interface YamlNode {

  int line();

  int column();

  /** A human name for the node's kind, for "expected a date, found a list" messages. */
  String kindName();

  /** A mapping; keys keep their order and their own positions. */
  record MapNode(Map<String, Entry> entries, int line, int column) implements YamlNode {
    public MapNode {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String kindName() {
      return "a mapping";
    }
  }

  /** One key of a mapping: the key's own position and its value. */
  record Entry(String key, int keyLine, int keyColumn, YamlNode value) {}

  /** A sequence. */
  record ListNode(List<YamlNode> items, int line, int column) implements YamlNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }

  /**
   * A scalar as written. {@code text} is the source text (so {@code 0203.29} keeps its leading zero
   * and {@code NO} stays {@code NO}); {@code type} is how YAML resolved it.
   */
  record Scalar(String text, ScalarType type, int line, int column) implements YamlNode {
    @Override
    public String kindName() {
      return switch (type) {
        case NULL -> "an empty value";
        case BOOLEAN -> "a boolean";
        case INTEGER, DECIMAL -> "a number";
        case STRING -> "text";
      };
    }
  }

  /** How YAML resolved a plain scalar; quoted scalars are always {@link #STRING}. */
  enum ScalarType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }
}
