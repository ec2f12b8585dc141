package kz.shipcheck.check;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import kz.shipcheck.input.SchemaValidator;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Waived;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.Suggest;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlNode.ListNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlNode.ScalarType;
import kz.shipcheck.yaml.YamlReader;

/**
 * Accepted exceptions ({@code --waivers FILE}, docs/tooling.md): a YAML list of waivers, each
 * naming a rule, a declaration id or glob, optionally a field path (glob), and why, until when and
 * by whom.
 *
 * <p>A waiver accepts a finding when the rule is the finding's, the glob matches the declaration's
 * id (and the path glob the finding's path, if given), and the declaration is judged before the
 * waiver's {@code expires} date. The judged date is the ship date, or {@code --as-of}: a
 * declaration is judged as on its ship date, and {@code expires} ends the waiver like every period
 * in the pack ends, exclusively (a waiver that expires on 2026-06-30 no longer covers a shipment of
 * that day). Output so stays the same whatever day the check runs. In globs {@code *} matches any
 * run of characters and {@code ?} one character; nothing else is special ({@code items[0].form} is
 * literal).
 *
 * <p>The first waiver in file order that accepts a finding waives it. A waiver that matched a
 * finding but had expired for its declaration is reported as expired; one that matched no finding
 * at all as unused. Built-in input checks (INPUT-*) cannot be waived: an unreadable declaration
 * cannot pass. Not thread-safe: {@link #apply} is called from the one thread that emits results.
 */
public final class Waivers {
  private static final List<String> KEYS =
      List.of("rule", "declaration", "path", "reason", "expires", "approvedBy");

  /**
   * One waiver as written.
   *
   * @param path the field path glob, or null for any path
   * @param line the line of the waiver in its file
   */
  public record Waiver(
      String rule,
      String declaration,
      String path,
      String reason,
      LocalDate expires,
      String approvedBy,
      int line) {}

  /** No waivers. */
  public static final Waivers NONE = new Waivers(List.of());

  private final List<Waiver> waivers;
  private final List<Glob> declarationGlobs = new ArrayList<>();
  private final List<Glob> pathGlobs = new ArrayList<>();
  private final int[] applied;
  private final boolean[] expiredHit;

  private Waivers(List<Waiver> waivers) {
    this.waivers = List.copyOf(waivers);
    for (Waiver w : waivers) {
      declarationGlobs.add(glob(w.declaration()));
      pathGlobs.add(w.path() == null ? null : glob(w.path()));
    }
    this.applied = new int[waivers.size()];
    this.expiredHit = new boolean[waivers.size()];
  }

  /** The waivers, in file order. */
  public List<Waiver> all() {
    return waivers;
  }

  /**
   * Reads the waivers file {@code file} ({@code --waivers}); a file that cannot be read is a
   * problem of the file, as one that cannot be parsed (exit 3).
   *
   * @param ruleIds the pack's rule ids: a waiver for another id is a mistake worth stopping for
   */
  public static Waivers read(java.nio.file.Path file, Collection<String> ruleIds)
      throws PackException {
    byte[] bytes;
    try {
      bytes = java.nio.file.Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new PackException(
          file.toString(), 0, 0, "cannot read the waivers file: " + e.getMessage());
    }
    return read(file.toString(), bytes, ruleIds);
  }

  /**
   * Reads a waivers file.
   *
   * @param display the file's name for messages
   * @param ruleIds the pack's rule ids: a waiver for another id is a mistake worth stopping for
   * @throws PackException with the file, line and column of the first problem (exit 3)
   */
  public static Waivers read(String display, byte[] bytes, Collection<String> ruleIds)
      throws PackException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new PackException(display, 0, 0, "the waivers file is not UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<YamlReader.Segment> segments = YamlReader.split(text);
    if (segments.isEmpty()) {
      return new Waivers(List.of());
    }
    if (segments.size() > 1) {
      throw new PackException(
          display,
          segments.get(1).lineOffset() + 1,
          1,
          "expected one YAML document: a list of waivers");
    }
    YamlNode root;
    try {
      root = new YamlReader(InputLimits.defaults()).parse(segments.get(0));
    } catch (InputProblem p) {
      throw new PackException(display, p.line(), p.column(), p.getMessage());
    }
    if (!(root instanceof ListNode list)) {
      throw new PackException(
          display,
          root.line(),
          root.column(),
          "expected a list of waivers ('- rule: ...'), found " + root.kindName());
    }
    List<Waiver> out = new ArrayList<>();
    for (YamlNode n : list.items()) {
      if (!(n instanceof MapNode m)) {
        throw new PackException(
            display,
            n.line(),
            n.column(),
            "a waiver is a mapping of " + String.join(", ", KEYS) + "; found " + n.kindName());
      }
      out.add(waiver(display, m, ruleIds));
    }
    return new Waivers(out);
  }

  private static Waiver waiver(String display, MapNode m, Collection<String> ruleIds)
      throws PackException {
    for (Map.Entry<String, YamlNode.Entry> e : m.entries().entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        String near = Suggest.closest(e.getKey(), KEYS);
        throw new PackException(
            display,
            e.getValue().keyLine(),
            e.getValue().keyColumn(),
            "unknown key '"
                + e.getKey()
                + "' in a waiver"
                + (near != null ? "; did you mean '" + near + "'?" : "")
                + " Known keys: "
                + String.join(", ", KEYS));
      }
    }
    String rule = text(display, m, "rule", true);
    if (!ruleIds.contains(rule)) {
      String near = Suggest.closest(rule, ruleIds);
      throw error(
          display,
          m,
          "rule",
          "unknown rule '" + rule + "'" + (near != null ? "; did you mean " + near + "?" : ""));
    }
    if (rule.startsWith("INPUT-")) {
      throw error(
          display,
          m,
          "rule",
          rule + " cannot be waived: a declaration that cannot be read cannot pass");
    }
    String declaration = text(display, m, "declaration", true);
    String path = text(display, m, "path", false);
    String reason = text(display, m, "reason", true);
    String expiresText = text(display, m, "expires", true);
    LocalDate expires = SchemaValidator.parseDate(expiresText);
    if (expires == null) {
      throw error(
          display,
          m,
          "expires",
          "'expires' must be a date (yyyy-mm-dd) that exists, found '" + expiresText + "'");
    }
    String approvedBy = text(display, m, "approvedBy", true);
    return new Waiver(rule, declaration, path, reason, expires, approvedBy, m.line());
  }

  private static String text(String display, MapNode m, String key, boolean required)
      throws PackException {
    YamlNode n = m.get(key);
    if (n == null || n instanceof Scalar s && (s.type() == ScalarType.NULL || s.text().isBlank())) {
      if (required) {
        throw error(
            display, m, key, n == null ? "a waiver needs '" + key + "'" : "'" + key + "' is empty");
      }
      return null;
    }
    if (!(n instanceof Scalar s)) {
      throw error(display, m, key, "'" + key + "' must be text, found " + n.kindName());
    }
    return s.text().trim();
  }

  private static PackException error(String display, MapNode m, String key, String reason) {
    YamlNode n = m.get(key);
    YamlNode at = n != null ? n : m;
    return new PackException(display, at.line(), at.column(), reason);
  }

  /** {@code *} any run of characters, {@code ?} one character, everything else literal. */
  static Glob glob(String glob) {
    return new Glob(glob);
  }

  /**
   * A compiled glob: {@code *} matches any run of characters (line breaks included), {@code ?}
   * exactly one character (a code point, so one emoji is one character), everything else only
   * itself. Matching walks the text once and, on a mismatch, goes back only to the last {@code *}:
   * at most (text length × glob length) steps. A regular expression ({@code .*-.*-.*-0001}) took
   * cubic time instead, and a waiver glob comes from a file and an id from a declaration: a
   * 3,000-character id took 56 s against {@code KZ-*-*-*-0001}.
   */
  static final class Glob {
    private static final int STAR = -1;
    private static final int ANY = -2;
    private final int[] pattern;

    Glob(String glob) {
      pattern = glob.codePoints().map(c -> c == '*' ? STAR : c == '?' ? ANY : c).toArray();
    }

    /** Whether the glob matches the whole of {@code text}. */
    boolean matches(String text) {
      int[] t = text.codePoints().toArray();
      int p = 0;
      int i = 0;
      int star = -1; // the position in the glob just after the last star met, or -1
      int resume = 0; // where in the text that star's run ends so far
      while (i < t.length) {
        if (p < pattern.length && pattern[p] == STAR) {
          star = ++p;
          resume = i;
        } else if (p < pattern.length && (pattern[p] == ANY || pattern[p] == t[i])) {
          p++;
          i++;
        } else if (star >= 0) {
          // the last star takes one more character; the earlier stars keep what they took,
          // since whatever a later match needs the last star can absorb as well
          p = star;
          i = ++resume;
        } else {
          return false;
        }
      }
      while (p < pattern.length && pattern[p] == STAR) {
        p++;
      }
      return p == pattern.length;
    }
  }

  /**
   * The findings with those the waivers accept marked {@code waived} (in place, order kept); the
   * same list when none is. Waivers only mark: the outcome is decided afterwards, from the marked
   * findings, by the run's {@link kz.shipcheck.result.FailOn}.
   *
   * @param id the declaration id (null when it has none: nothing is waived)
   * @param judgedOn the date the declaration is judged on (ship date or --as-of); null for a
   *     document that could not be read, whose findings are never waived
   */
  public List<Finding> mark(String id, List<Finding> findings, LocalDate judgedOn) {
    if (waivers.isEmpty() || id == null || judgedOn == null) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    boolean changed = false;
    for (Finding f : findings) {
      Waiver by = f.isWaived() ? null : accepting(id, f, judgedOn);
      if (by != null) {
        out.add(f.withWaiver(new Waived(by.reason(), by.expires().toString(), by.approvedBy())));
        changed = true;
      } else {
        out.add(f);
      }
    }
    return changed ? out : findings;
  }

  private Waiver accepting(String id, Finding f, LocalDate judgedOn) {
    for (int i = 0; i < waivers.size(); i++) {
      Waiver w = waivers.get(i);
      if (!w.rule().equals(f.rule())
          || !declarationGlobs.get(i).matches(id)
          || pathGlobs.get(i) != null && !pathGlobs.get(i).matches(f.path())) {
        continue;
      }
      if (!judgedOn.isBefore(w.expires())) {
        expiredHit[i] = true;
        continue;
      }
      applied[i]++;
      return w;
    }
    return null;
  }

  /** Waivers that matched a finding whose declaration is judged on or after their expiry. */
  public List<Waiver> expired() {
    List<Waiver> out = new ArrayList<>();
    for (int i = 0; i < waivers.size(); i++) {
      if (expiredHit[i]) {
        out.add(waivers.get(i));
      }
    }
    return out;
  }

  /** Waivers that matched no finding at all. */
  public List<Waiver> unused() {
    List<Waiver> out = new ArrayList<>();
    for (int i = 0; i < waivers.size(); i++) {
      if (applied[i] == 0 && !expiredHit[i]) {
        out.add(waivers.get(i));
      }
    }
    return out;
  }

  /** How many findings each waiver accepted, in file order. */
  public int applied(int index) {
    return applied[index];
  }
}
