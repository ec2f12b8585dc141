package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.shipcheck.yaml.Dates;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlNode.ListNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlNode.ScalarType;
import kz.shipcheck.yaml.YamlReader;

/**
 * One row of a reference-data file, with typed accessors that fail as {@link PackException}
 * pointing at the offending value. Every curated row must carry {@code source} and {@code basis}.
 */
final class DataRow {
  static final Set<String> BASES = Set.of("fact", "approx", "model");

  /**
   * A pack is trusted code (docs/security.md, "A rule pack is code"), and its tables may be far
   * larger than a declaration; only the nesting and value length stay bounded.
   */
  private static final InputLimits PACK_LIMITS =
      new InputLimits(Integer.MAX_VALUE, 1, 32, 1024 * 1024, Integer.MAX_VALUE, Integer.MAX_VALUE);

  private final String file;
  private final MapNode map;

  private DataRow(String file, MapNode map) {
    this.file = file;
    this.map = map;
  }

  /** Reads a file holding a YAML list of mappings. */
  static List<DataRow> readList(PackFiles pack, String name) throws PackException {
    String display = pack.display(name);
    String text = new String(pack.read(name), java.nio.charset.StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    YamlNode root;
    try {
      List<YamlReader.Segment> segments = YamlReader.split(text);
      if (segments.isEmpty()) {
        return List.of();
      }
      if (segments.size() > 1) {
        throw new PackException(
            display, segments.get(1).lineOffset() + 1, 1, "expected one YAML document");
      }
      root = new YamlReader(PACK_LIMITS).parse(segments.get(0));
    } catch (InputProblem p) {
      throw new PackException(display, p.line(), p.column(), p.getMessage());
    }
    if (!(root instanceof ListNode list)) {
      throw new PackException(display, root.line(), root.column(), "expected a list of rows");
    }
    List<DataRow> rows = new ArrayList<>();
    for (YamlNode n : list.items()) {
      if (!(n instanceof MapNode m)) {
        throw new PackException(
            display, n.line(), n.column(), "expected a row (a mapping), found " + n.kindName());
      }
      rows.add(new DataRow(display, m));
    }
    return rows;
  }

  String file() {
    return file;
  }

  int line() {
    return map.line();
  }

  PackException error(String key, String reason) {
    YamlNode n = map.get(key);
    if (n != null) {
      return new PackException(file, n.line(), n.column(), reason);
    }
    return new PackException(file, map.line(), map.column(), reason);
  }

  /** Refuses keys outside the allowed set, so a typo in a data file does not pass silently. */
  void allowOnly(Set<String> allowed) throws PackException {
    for (YamlNode.Entry e : map.entries().values()) {
      if (!allowed.contains(e.key())) {
        throw new PackException(
            file,
            e.keyLine(),
            e.keyColumn(),
            "unknown key '"
                + e.key()
                + "'; known keys: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  /** Checks the provenance every curated row needs. */
  void requireProvenance() throws PackException {
    text("source", true);
    String basis = text("basis", true);
    if (!BASES.contains(basis)) {
      throw error("basis", "basis must be fact, approx or model, found '" + basis + "'");
    }
  }

  private YamlNode present(String key) {
    YamlNode n = map.get(key);
    return n == null || (n instanceof Scalar s && s.type() == ScalarType.NULL) ? null : n;
  }

  String text(String key, boolean required) throws PackException {
    YamlNode n = present(key);
    if (n == null) {
      if (required) {
        throw error(key, "missing required field '" + key + "'");
      }
      return null;
    }
    if (!(n instanceof Scalar s)) {
      throw error(key, "'" + key + "' must be text, found " + n.kindName());
    }
    return s.text();
  }

  LocalDate date(String key, boolean required) throws PackException {
    String t = text(key, required);
    if (t == null) {
      return null;
    }
    LocalDate d = Dates.parse(t);
    if (d == null) {
      throw error(key, "'" + key + "' must be a date (yyyy-mm-dd) that exists, found '" + t + "'");
    }
    return d;
  }

  boolean bool(String key) throws PackException {
    YamlNode n = present(key);
    if (n == null) {
      return false;
    }
    if (!(n instanceof Scalar s) || s.type() != ScalarType.BOOLEAN) {
      throw error(key, "'" + key + "' must be true or false");
    }
    return s.text().equalsIgnoreCase("true");
  }

  Double number(String key, boolean required) throws PackException {
    YamlNode n = present(key);
    if (n == null) {
      if (required) {
        throw error(key, "missing required field '" + key + "'");
      }
      return null;
    }
    if (!(n instanceof Scalar s)
        || (s.type() != ScalarType.INTEGER && s.type() != ScalarType.DECIMAL)) {
      throw error(key, "'" + key + "' must be a number, found " + n.kindName());
    }
    try {
      double d = Double.parseDouble(s.text().replace("_", ""));
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // YAML reads 0x1F and .nan as numbers; fall through to the error
    }
    throw error(key, "'" + key + "' must be a plain decimal number, found '" + s.text() + "'");
  }

  /**
   * A limit a rule compares a declared number with: the exact decimal written, under the same rules
   * as a declaration's numbers ({@link Numbers#parse}), so a limit of 70 is 70, not a double near
   * it.
   */
  BigDecimal decimal(String key, boolean required) throws PackException {
    YamlNode n = present(key);
    if (n == null) {
      if (required) {
        throw error(key, "missing required field '" + key + "'");
      }
      return null;
    }
    if (!(n instanceof Scalar s)
        || s.type() == ScalarType.BOOLEAN
        || s.type() == ScalarType.NULL
        // -018 and 1:30 are text to the YAML reader, yet plainly meant as numbers: parse() says why
        || (s.type() == ScalarType.STRING && Numbers.oddSpelling(s.text()) == null)) {
      throw error(key, "'" + key + "' must be a number, found " + n.kindName());
    }
    try {
      return Numbers.parse(s.text());
    } catch (NumberFormatException e) {
      throw error(
          key,
          "'"
              + key
              + "' must be a plain decimal number, found '"
              + s.text()
              + "': "
              + e.getMessage());
    }
  }

  List<String> list(String key) throws PackException {
    YamlNode n = present(key);
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof ListNode l)) {
      throw error(key, "'" + key + "' must be a list, found " + n.kindName());
    }
    List<String> out = new ArrayList<>();
    for (YamlNode x : l.items()) {
      if (!(x instanceof Scalar s) || s.type() == ScalarType.NULL) {
        throw new PackException(file, x.line(), x.column(), "'" + key + "' must list text values");
      }
      out.add(s.text());
    }
    return List.copyOf(out);
  }

  /** A whole number of days, zero or more, or null when absent. */
  Integer days(String key) throws PackException {
    YamlNode n = present(key);
    if (n == null) {
      return null;
    }
    if (n instanceof Scalar s && s.type() == ScalarType.INTEGER && s.text().matches("[0-9]{1,6}")) {
      return Integer.parseInt(s.text());
    }
    throw error(key, "'" + key + "' must be a whole number of days (0 to 999999)");
  }

  /** A mapping of keys to lists of text ({@code {frozen: ["0202"]}}), empty when absent. */
  Map<String, List<String>> listsByKey(String key) throws PackException {
    DataRow c = child(key);
    if (c == null) {
      return Map.of();
    }
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (String k : c.map.entries().keySet()) {
      out.put(k, c.list(k));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** A nested mapping as a row of its own (no provenance needed), or null. */
  DataRow child(String key) throws PackException {
    YamlNode n = present(key);
    if (n == null) {
      return null;
    }
    if (!(n instanceof MapNode m)) {
      throw error(key, "'" + key + "' must be a mapping, found " + n.kindName());
    }
    return new DataRow(file, m);
  }

  /** Position of a list element, for errors about one value of a list. */
  PackException errorAtElement(String key, int index, String reason) {
    if (present(key) instanceof ListNode l && index < l.items().size()) {
      YamlNode x = l.items().get(index);
      return new PackException(file, x.line(), x.column(), reason);
    }
    return error(key, reason);
  }
}
