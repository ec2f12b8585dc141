package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell: completion scripts and suggestions for a mistyped command or option. */
class ShellTest {

  @Test
  void aMistypedCommandSuggestsTheRightOne() {
    Cli.Run r = Cli.run("chek", "shipments");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: unknown command 'chek'; did you mean check?"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aMistypedOptionSuggestsTheRightOne() {
    Cli.Run r = Cli.run("check", "--formt", "json", "shipments");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("did you mean --format?"), r.err());
  }

  @Test
  void aWordNothingLikeACommandListsTheCommands() {
    Cli.Run r = Cli.run("xyzzy");
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("unknown command 'xyzzy' (commands: check, rules, explain"), r.err());
  }

  @Test
  void bashCompletionKnowsEveryCommandAndTheirOptions() {
    Cli.Run r = Cli.run("completion", "bash");
    assertEquals(0, r.code(), r.err());
    String s = r.out();
    assertTrue(s.contains("complete -F _complete_shipcheck"), s);
    for (String word :
        new String[] {
          "check",
          "rules",
          "explain",
          "schema",
          "init",
          "test",
          "completion",
          "--fail-on",
          "--report",
          "--waivers"
        }) {
      assertTrue(s.contains(word), word);
    }
  }

  @Test
  void zshCompletionLoadsBashCompletionFirst() {
    Cli.Run r = Cli.run("completion", "zsh");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"));
    assertEquals(2, Cli.run("completion", "fish").code());
  }

  /** The script works in a real bash: completing "shipcheck ch" offers check. */
  @Test
  void bashCompletesACommand(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash");
    Path script = dir.resolve("shipcheck.bash");
    Files.writeString(script, Cli.run("completion", "bash").out());
    Process p =
        new ProcessBuilder(
                "/bin/bash",
                "-c",
                "source '"
                    + script
                    + "'; COMP_WORDS=(shipcheck ch); COMP_CWORD=1; COMP_LINE='shipcheck ch'; "
                    + "COMP_POINT=12; _complete_shipcheck; printf '%s\\n' \"${COMPREPLY[@]}\"")
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "bash did not finish"); // a hang guard only
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(out.lines().anyMatch(l -> l.trim().equals("check")), out);
  }
}
