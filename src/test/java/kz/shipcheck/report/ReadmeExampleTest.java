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

/** The README's first example shows a real file, a real command and that command's exact output. */
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
    String prefix = "java -jar target/shipcheck.jar ";
    assertTrue(command.startsWith(prefix), command);
    String[] args = command.substring(prefix.length()).split(" ");
    String file = args[args.length - 1];
    assertEquals(Files.readString(Path.of(file), StandardCharsets.UTF_8), blocks.get(0), "the yaml block is " + file);
    Cli.Run r = Cli.run(args);
    assertEquals(1, r.code());
    // the pack's sha256 changes with every data correction: the README shows one, any matches
    assertEquals(r.out().replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"),
        blocks.get(2).replaceAll("sha256 [0-9a-f]{12}…", "sha256 …"), "the output block is what the command prints");
  }
}
