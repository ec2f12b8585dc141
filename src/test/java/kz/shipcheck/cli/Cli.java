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
    return run(stdin, false, args);
  }

  /** As {@link #run}, with stderr taken for an interactive terminal (progress is drawn there). */
  public static Run runOnTerminal(String... args) {
    return run("", true, args);
  }

  private static Run run(String stdin, boolean errIsTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            errIsTerminal);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
