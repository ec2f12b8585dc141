package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shipcheck.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples are true: the first check shows a real file, a real command and that
 * command's exact output; the broker's batch shows the summary that command really prints.
 */
class ReadmeExampleTest {
  @Test
  void theFirstExampleIsTrue() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf("<!-- example:begin -->");
    int end = readme.indexOf("<!-- example:end -->");
    assertTrue(begin >= 0 && end > begin, "example markers in README.md");
    String example = readme.substring(begin, end);
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```[a-z]*\n(.*?)```", Pattern.DOTALL).matcher(example);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertEquals(3, blocks.size(), "a yaml block, a command and its output");
    String command = blocks.get(1).trim();
    String prefix = "target/shipcheck ";
    assertTrue(command.startsWith(prefix), command);
    String[] args = command.substring(prefix.length()).split(" ");
    String file = args[args.length - 1];
    assertEquals(
        Files.readString(Path.of(file), StandardCharsets.UTF_8),
        blocks.get(0),
        "the yaml block is " + file);
    Cli.Run r = Cli.run(args);
    assertEquals(1, r.code());
    // the pack's sha256 changes with every data correction: the README shows one, any matches
    assertEquals(
        r.out().replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
        blocks.get(2).replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
        "the output block is what the command prints");
  }

  /**
   * The broker's command, with its report files in a scratch folder: it exits 1 (the examples
   * include failing ones), writes every report it names, and prints the summary shown. The stale
   * data warning depends on the day the test runs, so it is left out of the comparison.
   */
  @Test
  void theBrokerExampleIsTrue(@TempDir Path tmp) throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("<!-- section: broker -->");
    assertTrue(start >= 0, "README.md needs a broker section");
    String section = readme.substring(start, readme.indexOf("<!-- section:", start + 1));
    Matcher m =
        Pattern.compile("```sh\n(.*?)\n```\n\n```text\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertTrue(m.find(), "a command and its output in the broker section");
    String prefix = "target/shipcheck ";
    assertTrue(m.group(1).startsWith(prefix), m.group(1));
    List<String> args = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    for (String a : m.group(1).substring(prefix.length()).split(" ")) {
      if (a.matches("report\\.\\w+|\\w+=report\\.\\w+")) {
        Path file = tmp.resolve(a.substring(a.indexOf('=') + 1));
        written.add(file);
        a = a.contains("=") ? a.substring(0, a.indexOf('=') + 1) + file : file.toString();
      }
      args.add(a);
    }
    assertEquals(3, written.size(), "report files named in " + m.group(1));
    Cli.Run r = Cli.run(args.toArray(String[]::new));
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out(), "every report goes to a file");
    for (Path file : written) {
      assertTrue(Files.size(file) > 0, file + " is written");
    }
    String summary =
        r.err()
            .lines()
            .filter(l -> !l.startsWith("warning: "))
            .map(l -> l + "\n")
            .reduce("", String::concat);
    assertEquals(
        m.group(2).replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
        summary.replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
        "the summary is what the command prints");
  }

  /**
   * The README's languages section: each {@code <!-- lang:xx -->} block is a check with {@code
   * --lang xx} and what it prints, in that language.
   */
  @Test
  void theLanguageExamplesAreTrue() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("<!-- section: languages -->");
    assertTrue(start >= 0, "README.md needs a languages section");
    String section = readme.substring(start, readme.indexOf("<!-- section:", start + 1));
    Matcher m =
        Pattern.compile(
                "<!-- lang:(\\w+) -->\n```sh\n(.*?)\n```\n\n```text\n(.*?)```", Pattern.DOTALL)
            .matcher(section);
    List<String> languages = new ArrayList<>();
    while (m.find()) {
      languages.add(m.group(1));
      String prefix = "target/shipcheck ";
      assertTrue(m.group(2).startsWith(prefix), m.group(2));
      String[] args = m.group(2).substring(prefix.length()).split(" ");
      assertEquals(
          m.group(1),
          args[java.util.Arrays.asList(args).indexOf("--lang") + 1],
          "the block's language");
      Cli.Run r = Cli.run(args);
      assertEquals(1, r.code(), r.err());
      assertEquals(
          m.group(3).replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
          r.out().replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
          "what " + m.group(2) + " prints");
    }
    assertEquals(List.of("en", "ru", "kk", "zh"), languages, "one example in each language");
  }
}
