package kz.shipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlNode.ListNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;

/**
 * A YAML tree as the JSON value an editor's YAML 1.2 language server validates. Done with care: a
 * plain {@code 2025-11-12} is a string (YAML 1.2 has no timestamps, and a loader that makes it a
 * Date would fail the schema for the wrong reason); quoted scalars stay strings ({@code bin:
 * "190640005554"}); {@code yes}/{@code no} and {@code 1_000} are strings in YAML 1.2; only
 * true/false are booleans and only plain decimal, hex and octal forms are numbers.
 */
final class YamlJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");

  private YamlJson() {}

  static JsonNode of(YamlNode node) {
    if (node instanceof MapNode m) {
      ObjectNode o = JSON.objectNode();
      m.entries().forEach((k, e) -> o.set(k, of(e.value())));
      return o;
    }
    if (node instanceof ListNode l) {
      ArrayNode a = JSON.arrayNode();
      l.items().forEach(i -> a.add(of(i)));
      return a;
    }
    Scalar s = (Scalar) node;
    String t = s.text();
    return switch (s.type()) {
      case STRING -> JSON.textNode(t);
      case NULL -> JSON.nullNode();
      case BOOLEAN ->
          BOOL.matcher(t).matches()
              ? JSON.booleanNode(t.equalsIgnoreCase("true"))
              : JSON.textNode(t);
      case INTEGER, DECIMAL -> {
        if (INT.matcher(t).matches()) {
          yield JSON.numberNode(new BigInteger(t.startsWith("+") ? t.substring(1) : t));
        } else if (t.startsWith("0x")) {
          yield JSON.numberNode(new BigInteger(t.substring(2), 16));
        } else if (t.startsWith("0o")) {
          yield JSON.numberNode(new BigInteger(t.substring(2), 8));
        } else if (FLOAT.matcher(t).matches()) {
          yield JSON.numberNode(new BigDecimal(t.startsWith("+") ? t.substring(1) : t));
        }
        yield JSON.textNode(t); // .inf, .nan, 1_000: not JSON numbers
      }
    };
  }
}
