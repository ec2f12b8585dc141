package kz.shipcheck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies a rule pack and repeats every rule K times, to time how checking scales with the number of
 * rules. Copy k (2..K) of {@code rule "ACCESS-001 product key is known"} with
 * {@code @id("ACCESS-001")} becomes {@code rule "ACCESS-001-X2 product key is known"} with
 * {@code @id("ACCESS-001-X2")}: same conditions, same consequence, so a failing declaration gets
 * each finding K times; the messages files get the copies' keys ({@code ACCESS-001-X2.title}).
 * Everything else (data/, tests/, other files) is copied as it is.
 *
 * <p>With {@code --only ID,ID,...} the copy keeps just the named rules: the pack of the same rules
 * as the plain-Java baseline ({@link PlainChecks#RULES}), to time the engine against it on equal
 * work.
 *
 * <p>The multiplied pack is for timing only: its fixtures in tests/ still expect each finding once,
 * so {@code shipcheck test} on it fails, and that is expected.
 *
 * <p>Rule blocks are parsed simply: a rule runs from a line starting with {@code rule "} to the
 * line {@code end}; the text before the first rule (package, imports, globals) is kept once.
 *
 * <pre>java -cp target/test-classes:target/shipcheck.jar kz.shipcheck.bench.PackMultiplier \
 *     --rules rules --times 5 --out target/bench/rules-x5 [--only ACCESS-001,HS-001,...]</pre>
 */
public final class PackMultiplier {
  private static final Pattern RULE = Pattern.compile("^rule \"([^\"]*)\"(.*)$", Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

  private PackMultiplier() {}

  public static void main(String[] args) throws IOException {
    Path rules = Path.of("rules");
    Path out = null;
    int times = 0;
    Set<String> only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rules" -> rules = Path.of(args[++i]);
        case "--times" -> times = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = Set.of(args[++i].split(","));
        default -> {
          System.err.println(
              "usage: PackMultiplier --rules DIR --times K --out DIR [--only ID,ID,...]");
          System.exit(2);
        }
      }
    }
    if (out == null || times < 1) {
      System.err.println(
          "usage: PackMultiplier --rules DIR --times K --out DIR [--only ID,ID,...] (K >= 1)");
      System.exit(2);
    }
    int n = multiply(rules, times, only, out);
    System.err.printf("wrote %s: %d rules, each %d times%n", out, n, times);
  }

  /**
   * Copies the pack at {@code rules} to {@code out} with every rule {@code times} times; returns
   * the rules found.
   */
  public static int multiply(Path rules, int times, Path out) throws IOException {
    return multiply(rules, times, null, out);
  }

  /**
   * As {@link #multiply(Path, int, Path)}, keeping only the rules whose id is in {@code only} (all
   * when null); returns the rules kept. An id of {@code only} that no rule has is an error.
   */
  public static int multiply(Path rules, int times, Set<String> only, Path out) throws IOException {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    int[] count = {0};
    Set<String> seen = new HashSet<>();
    try (Stream<Path> walk = Files.walk(rules)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path to = out.resolve(rules.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else if (p.getFileName().toString().endsWith(".drl")) {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          Files.writeString(
              to,
              multiplyDrl(text, times, only, seen, p.toString(), count),
              StandardCharsets.UTF_8);
        } else if (p.getFileName().toString().endsWith(".properties")
            && rules.relativize(p).startsWith("messages")) {
          Files.writeString(
              to,
              multiplyMessages(Files.readString(p, StandardCharsets.UTF_8), times),
              StandardCharsets.UTF_8);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (only != null && !seen.containsAll(only)) {
      Set<String> missing = new TreeSet<>(only);
      missing.removeAll(seen);
      throw new IllegalArgumentException(
          "no rule in " + rules + " has the id " + String.join(", ", missing));
    }
    return count[0];
  }

  private static final Pattern MESSAGE_KEY =
      Pattern.compile("^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(\\..*)$");

  /**
   * A messages file with each rule's keys ({@code ACCESS-001.title}) also for its copies 2..times.
   */
  static String multiplyMessages(String text, int times) {
    StringBuilder b = new StringBuilder(text);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      b.append('\n');
    }
    for (String line : text.split("\n")) {
      Matcher m = MESSAGE_KEY.matcher(line);
      if (m.matches()) {
        for (int k = 2; k <= times; k++) {
          b.append(m.group(1)).append("-X").append(k).append(m.group(2)).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** One DRL file with each rule block followed by its copies 2..times. */
  static String multiplyDrl(
      String text, int times, Set<String> only, Set<String> seen, String where, int[] count) {
    String[] lines = text.split("\n", -1);
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < lines.length) {
      Matcher m = RULE.matcher(lines[i]);
      if (!m.matches()) {
        b.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
        i++;
        continue;
      }
      int end = i + 1;
      while (end < lines.length && !lines[end].strip().equals("end")) {
        end++;
      }
      if (end == lines.length) {
        throw new IllegalArgumentException(
            where + ":" + (i + 1) + ": rule \"" + m.group(1) + "\" has no line 'end'");
      }
      List<String> block = new ArrayList<>(List.of(lines).subList(i, end + 1));
      String id = null;
      for (String line : block) {
        Matcher idm = ID.matcher(line);
        if (idm.find()) {
          id = idm.group(1);
          break;
        }
      }
      if (id == null) {
        throw new IllegalArgumentException(
            where + ":" + (i + 1) + ": rule \"" + m.group(1) + "\" has no @id");
      }
      seen.add(id);
      if (only != null && !only.contains(id)) {
        i = end + 1;
        continue;
      }
      count[0]++;
      appendBlock(b, block);
      for (int k = 2; k <= times; k++) {
        String copyId = id + "-X" + k;
        String name = m.group(1);
        // the copy's name must differ too: Drools refuses two rules of one name in a package
        name =
            name.contains(id) ? name.replaceFirst(Pattern.quote(id), copyId) : name + " " + copyId;
        List<String> copy = new ArrayList<>(block);
        copy.set(0, "rule \"" + name + "\"" + m.group(2));
        for (int j = 1; j < copy.size(); j++) {
          Matcher idm = ID.matcher(copy.get(j));
          if (idm.find()) {
            copy.set(
                j,
                copy.get(j).substring(0, idm.start())
                    + "@id(\""
                    + copyId
                    + "\")"
                    + copy.get(j).substring(idm.end()));
            break;
          }
        }
        b.append("\n\n");
        appendBlock(b, copy);
      }
      i = end + 1;
      if (i < lines.length) {
        b.append("\n");
      }
    }
    return b.toString();
  }

  private static void appendBlock(StringBuilder b, List<String> block) {
    for (int j = 0; j < block.size(); j++) {
      b.append(block.get(j)).append(j + 1 < block.size() ? "\n" : "");
    }
  }
}
