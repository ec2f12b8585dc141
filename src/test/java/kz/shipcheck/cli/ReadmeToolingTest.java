package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tooling section of docs/tooling.md, run exactly as written: every {@code sh} block is
 * executed in a scratch folder standing in for the repository root (commands: {@code cp -r}, {@code
 * mkdir -p}, {@code cat > FILE <<'EOF'}, {@code cat >> FILE <<'EOF'} and {@code java -jar
 * target/shipcheck.jar …}, run in-process), and a {@code text} block right after an {@code sh}
 * block must be the output of its last command ({@code ...} stands for any lines). An unknown
 * command fails the test, so the docs cannot say more than is run here. The walk-through's files
 * must also be the example pack's (src/test/resources/example-pack).
 */
class ReadmeToolingTest {
  static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```\\n", Pattern.DOTALL);
  static final Path EXAMPLE_PACK = Path.of(TestCommandTest.EXAMPLE_PACK);

  record Block(String lang, String text) {}

  record Result(String output, int code) {}

  @Test
  void theToolingSectionRunsAsWritten(@TempDir Path root) throws Exception {
    List<Block> blocks = blocks(section());
    int commands = 0;
    int compared = 0;
    for (int b = 0; b < blocks.size(); b++) {
      if (!blocks.get(b).lang().equals("sh")) {
        continue;
      }
      Block expected =
          b + 1 < blocks.size() && blocks.get(b + 1).lang().equals("text")
              ? blocks.get(b + 1)
              : null;
      Result last = null;
      List<String> lines = List.of(blocks.get(b).text().split("\n"));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        Matcher heredoc = Pattern.compile("cat (>>?) (\\S+) <<'EOF'").matcher(line);
        if (heredoc.matches()) {
          StringBuilder content = new StringBuilder();
          while (!lines.get(++i).equals("EOF")) {
            content.append(lines.get(i)).append('\n');
          }
          Path file = root.resolve(heredoc.group(2));
          Files.writeString(
              file,
              content,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              heredoc.group(1).equals(">>")
                  ? StandardOpenOption.APPEND
                  : StandardOpenOption.TRUNCATE_EXISTING);
        } else if (line.startsWith("mkdir -p ")) {
          Files.createDirectories(root.resolve(line.substring("mkdir -p ".length())));
        } else if (line.startsWith("cp -r ")) {
          String[] a = line.split(" ");
          copy(Path.of(a[2]), root.resolve(a[3]));
        } else if (line.startsWith("target/shipcheck ")) {
          last = shipcheck(root, line.substring("target/shipcheck ".length()), expected == null);
          commands++;
        } else {
          fail(
              "docs/tooling.md command the test cannot run (keep the docs to what is tested): "
                  + line);
        }
      }
      if (expected != null) {
        assertTrue(last != null, "a text block follows an sh block without a shipcheck command");
        // the pack's sha256 changes with every data correction: the README shows one, any matches
        assertMatches(
            expected.text().replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
            last.output().replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"));
        if (expected.text().startsWith("error:")) {
          assertNotEquals(0, last.code(), last.output());
        } else {
          assertEquals(0, last.code(), last.output());
        }
        compared++;
      }
    }
    assertTrue(commands >= 7, "shipcheck commands run: " + commands);
    assertTrue(compared >= 5, "outputs compared: " + compared);

    // the walk-through wrote exactly the example pack's rule, fixtures and register row
    for (String f :
        List.of(
            "company.drl", "tests/company/pass-fresh.yaml", "tests/company/fail-old-stock.yaml")) {
      assertEquals(
          Files.readString(EXAMPLE_PACK.resolve(f)),
          Files.readString(root.resolve("mypack").resolve(f)),
          f);
    }
    assertEquals(
        lastLine(EXAMPLE_PACK.resolve("data/register.csv")),
        lastLine(root.resolve("mypack/data/register.csv")));
  }

  /**
   * Runs one shipcheck command line; paths that exist in the scratch folder are taken from there.
   */
  private static Result shipcheck(Path root, String commandLine, boolean mustSucceed)
      throws IOException {
    String redirect = null;
    String cmd = commandLine;
    int gt = cmd.indexOf(" > ");
    if (gt >= 0) {
      redirect = cmd.substring(gt + 3).strip();
      cmd = cmd.substring(0, gt);
    }
    assertTrue(
        !cmd.contains("\"") && !cmd.contains("'") && !cmd.contains("|") && !cmd.contains("&"),
        "keep documented commands simple: " + commandLine);
    List<String> args = new ArrayList<>();
    for (String a : cmd.strip().split("\\s+")) {
      args.add(
          !a.startsWith("-") && Files.exists(root.resolve(a)) ? root.resolve(a).toString() : a);
    }
    Cli.Run r = Cli.run(args.toArray(String[]::new));
    String out = r.out();
    if (redirect != null) {
      Files.writeString(root.resolve(redirect), r.out(), StandardCharsets.UTF_8);
      out = "";
    }
    if (mustSucceed) {
      assertEquals(0, r.code(), commandLine + "\n" + r.out() + r.err());
    }
    return new Result((out + r.err()).replace(root + "/", ""), r.code());
  }

  /** Expected lines in order; a line "..." stands for any number of lines. */
  static void assertMatches(String expected, String actual) {
    List<String> e = Arrays.asList(expected.split("\n", -1));
    List<String> a = Arrays.asList(actual.split("\n", -1));
    boolean[][] ok = new boolean[e.size() + 1][a.size() + 1];
    ok[e.size()][a.size()] = true;
    for (int i = e.size() - 1; i >= 0; i--) {
      for (int j = a.size(); j >= 0; j--) {
        if (e.get(i).equals("...")) {
          ok[i][j] = ok[i + 1][j] || (j < a.size() && ok[i][j + 1]);
        } else {
          ok[i][j] = j < a.size() && e.get(i).equals(a.get(j)) && ok[i + 1][j + 1];
        }
      }
    }
    if (!ok[0][0]) {
      assertEquals(
          expected, actual, "documented output block does not match (... stands for any lines)");
    }
  }

  @Test
  void ellipsisMatching() {
    assertMatches("a\n...\nd\n", "a\nb\nc\nd\n");
    assertMatches("a\n...\nb\n", "a\nb\n");
    assertThrowsAssertion(() -> assertMatches("a\n...\nd\n", "a\nb\nc\n"));
    assertThrowsAssertion(() -> assertMatches("a\nc\n", "a\nb\nc\n"));
  }

  private static void assertThrowsAssertion(Runnable r) {
    try {
      r.run();
    } catch (AssertionError e) {
      return;
    }
    fail("expected a mismatch");
  }

  static String section() throws IOException {
    String doc = Files.readString(Path.of("docs/tooling.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("<!-- section: tooling -->");
    int end = doc.indexOf("<!-- section:", start + 1);
    assertTrue(start >= 0, "docs/tooling.md has no tooling section");
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      out.add(new Block(m.group(1), m.group(2)));
    }
    return out;
  }

  private static String lastLine(Path p) throws IOException {
    List<String> lines = Files.readAllLines(p);
    return lines.get(lines.size() - 1);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
