package kz.shipcheck.pack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlReader;

/**
 * What two packs differ in, file by file: files added, removed or changed, and for each data file
 * the rows added, removed or changed. Rows are matched by their key ({@code key}, {@code id},
 * {@code registration} or {@code currency}; the first column of a CSV), so a reordered file is no
 * change and an edited row is one change, not a removal and an addition.
 */
public final class PackDiff {
  private static final List<String> KEYS = List.of("key", "id", "registration", "currency");
  private static final InputLimits LIMITS =
      new InputLimits(Integer.MAX_VALUE, 1, 32, 1024 * 1024, Integer.MAX_VALUE, Integer.MAX_VALUE);

  /** The rows of one data file that differ, by key. */
  public record DataChange(
      String file, List<String> added, List<String> removed, List<String> changed) {
    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  /** Files (by path) added, removed or changed, and the row changes of the data files. */
  public record Result(
      List<String> added, List<String> removed, List<String> changed, List<DataChange> data) {}

  private PackDiff() {}

  public static Result of(PackFiles from, PackFiles to) throws PackException {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<DataChange> data = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(from.files().keySet());
    names.addAll(to.files().keySet());
    for (String n : names) {
      byte[] a = from.files().get(n);
      byte[] b = to.files().get(n);
      if (a == null) {
        added.add(n);
      } else if (b == null) {
        removed.add(n);
      } else if (!java.util.Arrays.equals(a, b)) {
        changed.add(n);
      }
      if (n.startsWith("data/") && (a == null || b == null || !java.util.Arrays.equals(a, b))) {
        Map<String, String> ra = a == null ? Map.of() : rows(from, n, a);
        Map<String, String> rb = b == null ? Map.of() : rows(to, n, b);
        List<String> ad = new ArrayList<>();
        List<String> rm = new ArrayList<>();
        List<String> ch = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(ra.keySet());
        keys.addAll(rb.keySet());
        for (String k : keys) {
          String x = ra.get(k);
          String y = rb.get(k);
          if (x == null) {
            ad.add(k);
          } else if (y == null) {
            rm.add(k);
          } else if (!x.equals(y)) {
            ch.add(k);
          }
        }
        DataChange dc = new DataChange(n, ad, rm, ch);
        if (!dc.isEmpty()) {
          data.add(dc);
        }
      }
    }
    return new Result(added, removed, changed, data);
  }

  /** A data file's rows: key to the row's content in a canonical form. */
  private static Map<String, String> rows(PackFiles pack, String name, byte[] bytes)
      throws PackException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    Map<String, String> out = new TreeMap<>();
    if (name.endsWith(".csv")) {
      String[] lines = text.split("\r?\n");
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          String key = lines[i].split(",", 2)[0].replace("\"", "").trim();
          unique(out, key.isEmpty() ? "line " + (i + 1) : key, lines[i].strip());
        }
      }
      return out;
    }
    if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
      out.put("(whole file)", text);
      return out;
    }
    try {
      List<YamlReader.Segment> segments = YamlReader.split(text);
      if (segments.isEmpty()) {
        return out;
      }
      YamlNode root = new YamlReader(LIMITS).parse(segments.get(0));
      if (!(root instanceof YamlNode.ListNode list)) {
        out.put("(whole file)", canonical(root));
        return out;
      }
      for (YamlNode row : list.items()) {
        String key = null;
        if (row instanceof YamlNode.MapNode m) {
          for (String k : KEYS) {
            if (m.get(k) instanceof YamlNode.Scalar s) {
              key = s.text();
              break;
            }
          }
        }
        unique(out, key == null ? "line " + row.line() : key, canonical(row));
      }
      return out;
    } catch (InputProblem p) {
      throw new PackException(pack.display(name), p.line(), p.column(), p.getMessage());
    }
  }

  /**
   * Two rows with one key (e.g. a restriction per region under one id) are told apart by number.
   */
  private static void unique(Map<String, String> out, String key, String row) {
    String k = key;
    for (int i = 2; out.containsKey(k); i++) {
      k = key + " #" + i;
    }
    out.put(k, row);
  }

  /** The node's content without positions, keys in written order. */
  private static String canonical(YamlNode n) {
    if (n instanceof YamlNode.Scalar s) {
      return s.type() == YamlNode.ScalarType.NULL ? "~" : "'" + s.text().replace("'", "''") + "'";
    }
    if (n instanceof YamlNode.ListNode l) {
      List<String> items = new ArrayList<>();
      l.items().forEach(i -> items.add(canonical(i)));
      return "[" + String.join(",", items) + "]";
    }
    Map<String, String> m = new LinkedHashMap<>();
    ((YamlNode.MapNode) n).entries().forEach((k, e) -> m.put(k, canonical(e.value())));
    return m.toString();
  }
}
