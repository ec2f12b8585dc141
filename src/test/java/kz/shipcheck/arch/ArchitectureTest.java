package kz.shipcheck.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of shipcheck, written down, and a scan that keeps the code to them (as Checkstyle's
 * {@code import-control.xml} does, with strategy "disallowed": whatever the table does not allow is
 * refused).
 *
 * <p>The scan reads every name of the form {@code kz.shipcheck.<package>.<Class>} in the code:
 * import lines, and names written out in full inline, which an import scan misses. Comments and
 * string literals are left out. The rule pack's DRL files are scanned the same way (their imports,
 * globals and any name written out in a rule).
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/kz/shipcheck");
  private static final List<Path> DRL =
      List.of(Path.of("rules"), Path.of("src/test/resources/example-pack"));

  /**
   * For each package of {@code kz.shipcheck}, the other shipcheck packages it may use. Read top to
   * bottom, it is the pipeline: YAML, plain values, the rule pack, reading declarations, the rules
   * engine, checking a batch, reports, and the command line on top. A package is listed before
   * every package that may use it, and no package may use one listed after it, so there is no
   * cycle. "rules" is the DRL of the rule pack.
   */
  private static final String MAY_USE =
      """
      # package     may use
      yaml          -
      result        -
      model         -
      pack          yaml
      input         yaml result model pack
      engine.fact   model pack
      engine        yaml result model pack input engine.fact
      rules         pack engine engine.fact
      check         yaml result model pack input engine
      report        yaml result pack input
      fixture       yaml result pack input engine check report
      cli           yaml result model pack input engine check report fixture
      """;

  /** Libraries that only one package may use: the stages stay apart (EXAMPLES.md). */
  private static final Map<String, String> ONLY_IN = new LinkedHashMap<>();

  static {
    ONLY_IN.put("picocli", "cli");
    ONLY_IN.put("org.drools", "engine");
    ONLY_IN.put("org.kie", "engine");
  }

  /** A name written out in full: lower-case package segments, then a class. */
  private static final Pattern SHIPCHECK_NAME =
      Pattern.compile("\\bkz\\.shipcheck((?:\\.[a-z_][a-z0-9_]*)+)(?:\\.[A-Z]|\\.\\*)");

  private static Map<String, List<String>> table() {
    Map<String, List<String>> t = new LinkedHashMap<>();
    for (String line : MAY_USE.strip().split("\n")) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\\s+");
      List<String> uses = new ArrayList<>();
      for (int i = 1; i < cells.length; i++) {
        if (!cells[i].equals("-")) {
          uses.add(cells[i]);
        }
      }
      t.put(cells[0], uses);
    }
    return t;
  }

  /** The code without comments and string, character and text-block literals. */
  static String code(String source) {
    StringBuilder b = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        b.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        b.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        b.append(c).append(c);
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  /**
   * The table's package a {@code kz.shipcheck} package belongs to (its longest listed prefix), or
   * the package.
   */
  private static String layer(String pkg, Set<String> listed) {
    String best = null;
    for (String l : listed) {
      if ((pkg.equals(l) || pkg.startsWith(l + "."))
          && (best == null || l.length() > best.length())) {
        best = l;
      }
    }
    return best != null ? best : pkg;
  }

  /** The shipcheck packages a source's code names, e.g. {@code pack}, {@code engine.fact}. */
  static Set<String> names(String source) {
    Set<String> out = new TreeSet<>();
    Matcher m = SHIPCHECK_NAME.matcher(code(source));
    while (m.find()) {
      out.add(m.group(1).substring(1));
    }
    return out;
  }

  private record Source(Path file, String layer, String text) {}

  private static List<Source> sources(Set<String> listed) throws IOException {
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String pkg = MAIN.relativize(f.getParent()).toString().replace('\\', '/').replace('/', '.');
        out.add(new Source(f, layer(pkg, listed), Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    for (Path dir : DRL) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
          out.add(new Source(f, "rules", Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }

  /** Which packages each package uses, as found in the code. */
  private static Map<String, Set<String>> uses(Set<String> listed, List<String> violations)
      throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    Map<String, List<String>> table = table();
    for (Source s : sources(listed)) {
      if (!listed.contains(s.layer())) {
        violations.add(
            s.file()
                + ": package "
                + s.layer()
                + " is not in the table; add it with the packages it may use");
        continue;
      }
      for (String pkg : names(s.text())) {
        String target = layer(pkg, listed);
        if (target.equals(s.layer())) {
          continue;
        }
        graph.computeIfAbsent(s.layer(), k -> new TreeSet<>()).add(target);
        if (!table.get(s.layer()).contains(target)) {
          violations.add(
              s.file()
                  + ": "
                  + s.layer()
                  + " may not use "
                  + target
                  + " (kz.shipcheck."
                  + pkg
                  + ")");
        }
      }
    }
    return graph;
  }

  /** A cycle in the graph, as "a -> b -> a", or null. */
  static String cycle(Map<String, ? extends Iterable<String>> graph) {
    Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
    for (String start : new TreeSet<>(graph.keySet())) {
      List<String> path = new ArrayList<>();
      String found = visit(start, graph, state, path);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String visit(
      String node,
      Map<String, ? extends Iterable<String>> graph,
      Map<String, Integer> state,
      List<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return null;
    }
    path.add(node);
    if (s != null && s == 1) {
      return String.join(" -> ", path.subList(path.indexOf(node), path.size()));
    }
    state.put(node, 1);
    Iterable<String> next0 = graph.get(node);
    for (String next : next0 == null ? List.<String>of() : next0) {
      String found = visit(next, graph, state, path);
      if (found != null) {
        return found;
      }
    }
    state.put(node, 2);
    path.remove(path.size() - 1);
    return null;
  }

  @Test
  void eachPackageUsesOnlyWhatTheTableAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    uses(table().keySet(), violations);
    assertEquals(List.of(), violations);
  }

  @Test
  void thePackagesFormNoCycle() throws IOException {
    assertEquals(null, cycle(table()), "the table itself");
    Map<String, Set<String>> found = uses(table().keySet(), new ArrayList<>());
    assertEquals(null, cycle(found), "the code");
  }

  @Test
  void theTableListsAPackageAfterEveryPackageItUses() {
    List<String> order = new ArrayList<>(table().keySet());
    List<String> wrong = new ArrayList<>();
    table()
        .forEach(
            (pkg, uses) -> {
              for (String u : uses) {
                if (!order.contains(u)) {
                  wrong.add(pkg + " uses " + u + ", which is not in the table");
                } else if (order.indexOf(u) >= order.indexOf(pkg)) {
                  wrong.add(pkg + " uses " + u + ", listed after it");
                }
              }
            });
    assertEquals(List.of(), wrong);
  }

  @Test
  void librariesStayInTheirPackage() throws IOException {
    List<String> v = new ArrayList<>();
    for (Source s : sources(table().keySet())) {
      String code = code(s.text());
      for (Map.Entry<String, String> e : ONLY_IN.entrySet()) {
        if (s.layer().equals(e.getValue())
            || s.layer().startsWith(e.getValue() + ".")
            || s.layer().equals("rules")) {
          continue;
        }
        if (Pattern.compile("\\b" + Pattern.quote(e.getKey()) + "\\.").matcher(code).find()) {
          v.add(s.file() + ": uses " + e.getKey() + ", which only " + e.getValue() + " may use");
        }
      }
    }
    assertEquals(List.of(), v);
  }

  @Test
  void theScanReadsNamesWrittenOutAndSkipsCommentsAndText() {
    String source =
        """
        package kz.shipcheck.pack;

        import kz.shipcheck.yaml.YamlNode;
        import static kz.shipcheck.result.Severity.ERROR;
        import kz.shipcheck.model.*;

        /** See {@link kz.shipcheck.cli.Main}. */
        class A {
          // kz.shipcheck.report.Display in a comment
          String s = "kz.shipcheck.check.BatchChecker in a string";
          char q = '"';
          String t = \"""
              kz.shipcheck.fixture.Examples in a text block
              \""";
          Object o = kz.shipcheck.input.Suggest.closest("a", java.util.List.of());
          kz.shipcheck.engine.fact.Item i;
        }
        """;
    assertEquals(Set.of("yaml", "result", "model", "input", "engine.fact"), names(source));
  }

  @Test
  void theCycleCheckFindsACycle() {
    assertEquals(
        "a -> b -> c -> a", cycle(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"))));
    assertEquals(null, cycle(Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of())));
    assertTrue(
        table().containsKey("yaml") && table().get("yaml").isEmpty(), "yaml is at the bottom");
  }

  /**
   * No main source file over 400 lines: past that a class has usually taken on a second job, and a
   * newcomer cannot read it whole. Split it by job rather than raising the number.
   */
  @Test
  void noMainSourceFileIsOver400Lines() throws IOException {
    int limit = 400;
    Map<String, Integer> tooLong = new TreeMap<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(Path.of("src/main/java"))) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files++;
        int lines = Files.readAllLines(f, StandardCharsets.UTF_8).size();
        if (lines > limit) {
          tooLong.put(f.toString().replace('\\', '/'), lines);
        }
      }
    }
    assertTrue(files > 100, "the scan found the main sources (" + files + " files)");
    assertEquals(Map.of(), tooLong, "main source files over " + limit + " lines (file=lines)");
  }
}
