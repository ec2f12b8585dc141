package kz.shipcheck.pack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kz.shipcheck.yaml.Dates;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlNode.ListNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlReader;

/**
 * A pack's {@code pack.yaml}: its name, version, the date it takes effect, its changelog, and for
 * each data file the date its content was taken ({@code asOf}) and where from. A pack without a
 * manifest (custom packs made before manifests existed) still loads, as "unnamed"/"unversioned":
 * its sha256 alone then says which pack judged a declaration.
 */
public record PackManifest(
    String name,
    String version,
    LocalDate effective,
    String description,
    List<Change> changelog,
    Map<String, DataFile> files) {
  public static final String FILE = "pack.yaml";
  public static final String UNNAMED = "unnamed";
  public static final String UNVERSIONED = "unversioned";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,31}");
  private static final InputLimits LIMITS = new InputLimits(1 << 20, 1, 8, 8192, 100_000, 8192);

  /** One changelog entry: what a version changed, on which date. */
  public record Change(LocalDate date, String version, List<String> changes) {}

  /** A data file's date (the day its content was taken) and source. */
  public record DataFile(String path, LocalDate asOf, String source) {}

  /** The manifest of a pack that has none. */
  public static PackManifest none() {
    return new PackManifest(UNNAMED, UNVERSIONED, null, null, List.of(), Map.of());
  }

  /** The date a data file's content was taken, or null when the manifest does not date it. */
  public LocalDate asOf(String path) {
    DataFile f = files.get(path);
    return f == null ? null : f.asOf();
  }

  /**
   * Reads and validates the pack's manifest; a malformed one is a pack error with its line.
   *
   * @return {@link #none()} when the pack has no {@code pack.yaml}
   */
  public static PackManifest read(PackFiles pack) throws PackException {
    if (!pack.has(FILE)) {
      return none();
    }
    String display = pack.display(FILE);
    String text = new String(pack.read(FILE), StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    YamlNode root;
    try {
      List<YamlReader.Segment> segments = YamlReader.split(text);
      if (segments.size() != 1) {
        throw new PackException(
            display,
            segments.isEmpty() ? 1 : segments.get(1).lineOffset() + 1,
            1,
            "expected one YAML document (the manifest)");
      }
      root = new YamlReader(LIMITS).parse(segments.get(0));
    } catch (InputProblem p) {
      throw new PackException(display, p.line(), p.column(), p.getMessage());
    }
    Reader r = new Reader(display);
    MapNode top = r.map(root, "the manifest");
    r.allowOnly(top, Set.of("name", "version", "effective", "description", "changelog", "files"));
    String name = r.text(top, "name", true);
    if (!NAME.matcher(name).matches()) {
      throw r.error(
          top.get("name"),
          "name must be lower-case letters, digits, '.' and '-', found '" + name + "'");
    }
    String version = r.text(top, "version", true);
    if (!VERSION.matcher(version).matches()) {
      throw r.error(
          top.get("version"),
          "version must be letters, digits, '.', '+' and '-', found '" + version + "'");
    }
    LocalDate effective = r.date(top, "effective", true);
    String description = r.text(top, "description", false);
    List<Change> changelog = new ArrayList<>();
    for (YamlNode n : r.list(top, "changelog")) {
      MapNode m = r.map(n, "a changelog entry");
      r.allowOnly(m, Set.of("date", "version", "changes"));
      List<String> changes = new ArrayList<>();
      for (YamlNode c : r.list(m, "changes")) {
        changes.add(r.scalarText(c, "a change"));
      }
      if (changes.isEmpty()) {
        throw r.error(m, "a changelog entry needs at least one change");
      }
      changelog.add(
          new Change(r.date(m, "date", true), r.text(m, "version", true), List.copyOf(changes)));
    }
    Map<String, DataFile> files = new LinkedHashMap<>();
    for (YamlNode n : r.list(top, "files")) {
      MapNode m = r.map(n, "a file entry");
      r.allowOnly(m, Set.of("path", "asOf", "source"));
      String path = r.text(m, "path", true);
      if (!pack.has(path)) {
        throw r.error(m.get("path"), "'" + path + "' is not a file of the pack");
      }
      if (files.containsKey(path)) {
        throw r.error(m.get("path"), "'" + path + "' is listed twice");
      }
      files.put(path, new DataFile(path, r.date(m, "asOf", true), r.text(m, "source", true)));
    }
    return new PackManifest(
        name, version, effective, description, List.copyOf(changelog), Map.copyOf(files));
  }

  /** Typed access to the manifest's values, failing with the offending value's position. */
  private record Reader(String display) {
    PackException error(YamlNode at, String reason) {
      return new PackException(
          display, at == null ? 0 : at.line(), at == null ? 0 : at.column(), reason);
    }

    MapNode map(YamlNode n, String what) throws PackException {
      if (n instanceof MapNode m) {
        return m;
      }
      throw error(n, "expected " + what + " (a mapping), found " + n.kindName());
    }

    void allowOnly(MapNode m, Set<String> keys) throws PackException {
      for (YamlNode.Entry e : m.entries().values()) {
        if (!keys.contains(e.key())) {
          throw new PackException(
              display,
              e.keyLine(),
              e.keyColumn(),
              "unknown field '"
                  + e.key()
                  + "' (allowed: "
                  + String.join(", ", keys.stream().sorted().toList())
                  + ")");
        }
      }
    }

    String scalarText(YamlNode n, String what) throws PackException {
      if (n instanceof Scalar s && s.type() != YamlNode.ScalarType.NULL && !s.text().isBlank()) {
        return s.text();
      }
      throw error(n, "expected " + what + " as text, found " + n.kindName());
    }

    String text(MapNode m, String key, boolean required) throws PackException {
      YamlNode n = m.get(key);
      if (n == null || n instanceof Scalar s && s.type() == YamlNode.ScalarType.NULL) {
        if (required) {
          throw error(m, "missing required field '" + key + "'");
        }
        return null;
      }
      return scalarText(n, "'" + key + "'");
    }

    LocalDate date(MapNode m, String key, boolean required) throws PackException {
      String t = text(m, key, required);
      if (t == null) {
        return null;
      }
      LocalDate d = Dates.parse(t);
      if (d == null) {
        throw error(
            m.get(key), "'" + key + "' must be a date (yyyy-mm-dd) that exists, found '" + t + "'");
      }
      return d;
    }

    List<YamlNode> list(MapNode m, String key) throws PackException {
      YamlNode n = m.get(key);
      if (n == null) {
        return List.of();
      }
      if (n instanceof ListNode l) {
        return l.items();
      }
      throw error(n, "'" + key + "' must be a list, found " + n.kindName());
    }
  }
}
