package kz.shipcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process, as a user would, and captures what it prints. */
public final class Cli {
  /** What one run returned. */
  public record Run(int code, String out, String err) {}

  private Cli() {}

  public static Run run(String... args) {
    return runWithStdin("", args);
  }

  public static Run runWithStdin(String stdin, String... args) {
    return run(stdin, false, false, args);
  }

  /**
   * As {@link #run}, with stderr taken for an interactive terminal (progress is drawn there) and
   * stdout for a file, as in {@code shipcheck check … > report.json} typed at a terminal.
   */
  public static Run runOnTerminal(String... args) {
    return run("", false, true, args);
  }

  /** As {@link #run}, with both stdout and stderr taken for the same interactive terminal. */
  public static Run runAllOnTerminal(String... args) {
    return run("", true, true, args);
  }

  private static Run run(
      String stdin, boolean outIsTerminal, boolean errIsTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            outIsTerminal,
            errIsTerminal);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
