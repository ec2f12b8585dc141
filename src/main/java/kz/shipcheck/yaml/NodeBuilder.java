package kz.shipcheck.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.yaml.YamlNode.Entry;
import kz.shipcheck.yaml.YamlNode.ListNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlNode.ScalarType;

/**
 * Builds the {@link YamlNode} tree of one document from Jackson's token stream. Kept apart from
 * {@link YamlReader}, which sets the parser up and turns its failures into problems, because this
 * is where every per-value bound ({@link InputLimits}: values, depth, scalar length) and every
 * refusal (tags, aliases, duplicate keys) is enforced: one place to read when asking what a
 * document may contain.
 */
final class NodeBuilder {
  private final InputLimits limits;

  NodeBuilder(InputLimits limits) {
    this.limits = limits;
  }

  /**
   * The node for {@code token} and everything under it; {@code values} counts the values read so
   * far in the document (one element, shared down the recursion).
   */
  YamlNode readValue(
      TagAwareParser p, JsonToken token, int offset, int depth, String path, int[] values)
      throws IOException, InputProblem {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr() + offset;
    int col = loc.getColumnNr();
    if (++values[0] > limits.maxValues()) {
      throw new InputProblem(
          "INPUT-LIMIT",
          "values",
          InputProblem.args("limit", limits.maxValues()),
          "more than " + limits.maxValues() + " values in one document (--max-values)",
          path,
          line,
          col);
    }
    if (depth > limits.maxDepth()) {
      throw new InputProblem(
          "INPUT-LIMIT",
          "depth",
          InputProblem.args("limit", limits.maxDepth()),
          "nesting deeper than " + limits.maxDepth() + " levels (--max-depth)",
          path,
          line,
          col);
    }
    String tag = p.explicitTag();
    if (tag != null) {
      throw new InputProblem(
          "INPUT-TAG",
          null,
          InputProblem.args("tag", tag),
          "YAML tag '" + tag + "' is not allowed: declarations are plain data",
          path,
          line,
          col);
    }
    if (p.isCurrentAlias()) {
      throw new InputProblem(
          "INPUT-ALIAS",
          null,
          InputProblem.args("alias", p.getText()),
          "YAML alias '*" + p.getText() + "' is not allowed: write the value out",
          path,
          line,
          col);
    }
    switch (token) {
      case START_OBJECT:
        return readMap(p, offset, depth, path, line, col, values);
      case START_ARRAY:
        {
          List<YamlNode> items = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(p, t, offset, depth + 1, path + "[" + items.size() + "]", values));
          }
          return new ListNode(items, line, col);
        }
      case VALUE_STRING:
        {
          String text = p.getText();
          checkScalarLength(text, path, line, col);
          return new Scalar(text, ScalarType.STRING, line, col);
        }
      case VALUE_NUMBER_INT:
        return new Scalar(p.getText(), ScalarType.INTEGER, line, col);
      case VALUE_NUMBER_FLOAT:
        return new Scalar(p.getText(), ScalarType.DECIMAL, line, col);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Scalar(p.getText(), ScalarType.BOOLEAN, line, col);
      case VALUE_NULL:
        return new Scalar("", ScalarType.NULL, line, col);
      default:
        throw new InputProblem(
            "INPUT-SYNTAX",
            "unsupported",
            InputProblem.args("token", String.valueOf(token)),
            "unsupported YAML value (" + token + ")",
            path,
            line,
            col);
    }
  }

  private YamlNode readMap(
      TagAwareParser p, int offset, int depth, String path, int line, int col, int[] values)
      throws IOException, InputProblem {
    Map<String, Entry> entries = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation kl = p.currentTokenLocation();
      int keyLine = kl.getLineNr() + offset;
      int keyCol = kl.getColumnNr();
      String childPath = path.isEmpty() ? key : path + "." + key;
      checkScalarLength(key, path, keyLine, keyCol);
      String keyTag = p.explicitTag();
      if (keyTag != null) {
        throw new InputProblem(
            "INPUT-TAG",
            "key",
            InputProblem.args("tag", keyTag),
            "YAML tag '" + keyTag + "' on a key is not allowed: declarations are plain data",
            childPath,
            keyLine,
            keyCol);
      }
      YamlNode value = readValue(p, p.nextToken(), offset, depth + 1, childPath, values);
      if (entries.containsKey(key)) {
        Entry first = entries.get(key);
        throw new InputProblem(
            "INPUT-DUPLICATE-KEY",
            null,
            InputProblem.args("key", key, "firstLine", first.keyLine()),
            "duplicate key '" + key + "' (first written on line " + first.keyLine() + ")",
            childPath,
            keyLine,
            keyCol);
      }
      entries.put(key, new Entry(key, keyLine, keyCol, value));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new InputProblem(
          "INPUT-SYNTAX", "mapping", Map.of(), "malformed mapping", path, line, col);
    }
    return new MapNode(entries, line, col);
  }

  private void checkScalarLength(String text, String path, int line, int col) throws InputProblem {
    if (text.length() > limits.maxScalarChars()) {
      throw new InputProblem(
          "INPUT-LIMIT",
          "scalar",
          InputProblem.args("length", text.length(), "limit", limits.maxScalarChars()),
          "a value of "
              + text.length()
              + " characters exceeds the limit of "
              + limits.maxScalarChars(),
          path,
          line,
          col);
    }
  }
}
