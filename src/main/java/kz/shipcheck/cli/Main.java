package kz.shipcheck.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.shipcheck.engine.HeadStart;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.report.Display;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line. {@link #run} is the whole program: it takes the arguments and the three
 * standard streams and returns the exit code, so tests drive it exactly as a user does.
 */
@Command(
    name = "shipcheck",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Pre-checks shipment declarations for agri-food exports from Kazakhstan to China against the"
          + " bilateral protocol requirements (a Drools rule pack).",
      "The rule pack is a model of public information, not legal advice."
    },
    // the subcommands are added in run(): see COMMANDS
    subcommands = {})
public final class Main implements Runnable {
  /**
   * The subcommands, by name. A run builds picocli's model only for the command it runs (building
   * all of them costs more than the rest of a one-file check's start-up); help, a mistyped command
   * or none at all gets every command, so listings and suggestions stay whole.
   */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("check", CheckCommand.class);
    m.put("rules", RulesCommand.class);
    m.put("explain", ExplainCommand.class);
    m.put("schema", SchemaCommand.class);
    m.put("init", InitCommand.class);
    m.put("test", TestCommand.class);
    m.put("pack", PackCommand.class);
    m.put("diff", DiffCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return m;
  }

  /** When main() started, for --debug timings. */
  static final long STARTED = System.nanoTime();

  /**
   * The standard streams of this run.
   *
   * @param outIsTerminal stdout is an interactive terminal (a report there is read as it scrolls)
   * @param errIsTerminal stderr is an interactive terminal: progress may be drawn there
   */
  record Io(
      PrintStream out,
      PrintStream err,
      InputStream in,
      boolean outIsTerminal,
      boolean errIsTerminal) {}

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "show stack traces of internal errors")
  boolean debug;

  final Io io;

  Main(Io io) {
    this.io = io;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "a command is needed: check, rules, ...");
  }

  public static void main(String[] args) {
    if (headStartPays(args)) {
      HeadStart.bundledPack(
          RulePack.defaultCacheDir(), Version.get(), !namesRegister(args), langGuess(args));
    }
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, out, err, System.in, isTerminal(1), isTerminal(2));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * A check with the bundled pack and the cache: its compiled rules can be read while the command
   * line is parsed. A guess from the raw arguments; a wrong guess costs only the read.
   */
  static boolean headStartPays(String[] args) {
    for (String a : args) {
      if (a.equals("--rules")
          || a.startsWith("--rules=")
          || a.equals("--no-cache")
          || a.equals("--help")
          || a.equals("-h")) {
        return false;
      }
    }
    return "check".equals(invoked(args));
  }

  /**
   * Whether {@code --register} replaces the pack's register: then its data is read after parsing.
   */
  /**
   * The language the run will likely speak ({@code --lang}, else {@code $SHIPCHECK_LANG}): its
   * messages are read ahead. A guess from the raw arguments; a wrong one costs only the read.
   */
  static String langGuess(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--lang=")) {
        return args[i].substring("--lang=".length());
      }
    }
    String env = System.getenv("SHIPCHECK_LANG");
    return env == null ? "en" : env.trim();
  }

  static boolean namesRegister(String[] args) {
    for (String a : args) {
      if (a.equals("--register") || a.startsWith("--register=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether file descriptor 1 (stdout) or 2 (stderr) is an interactive terminal. Java only says
   * whether the whole process has a console (stdin and stdout included), so on Linux the answer
   * comes from where the descriptor points; elsewhere from {@link System#console()}. {@code
   * TERM=dumb} means no.
   */
  static boolean isTerminal(int fd) {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    java.nio.file.Path link = java.nio.file.Path.of("/proc/self/fd/" + fd);
    try {
      String target = java.nio.file.Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** Runs the command line and returns the exit code (README); no stream is taken as a terminal. */
  public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
    return run(args, out, err, in, false, false);
  }

  /**
   * Runs the command line and returns the exit code (README). Error lines quote what the user or a
   * file gave (paths, option values, pack content): they go through {@link Display#safe}, so that
   * none can draw another line, on a terminal or for the GitHub Actions runner reading stderr.
   */
  public static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      InputStream in,
      boolean outIsTerminal,
      boolean errIsTerminal) {
    CommandLine cl = commandLine(new Io(out, err, in, outIsTerminal, errIsTerminal), invoked(args));
    Main main = cl.getCommand();
    cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(String.valueOf(c.code), c.meaning);
    }
    applyToAll(cl, codes);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println("error: " + Display.safe(usageMessage(ex)));
          if (refusedValue(ex) == null) {
            // a refused value's line already says what is accepted
            e.println(
                "Try '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
          }
          e.flush();
          return ExitCode.USAGE.code;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          int code;
          if (ex instanceof UsageException) {
            e.println("error: " + Display.safe(ex.getMessage()));
            code = ExitCode.USAGE.code;
          } else if (ex instanceof PackException pe) {
            e.println("error: " + Display.safe(pe.located()));
            code = ExitCode.PACK.code;
          } else {
            e.println(
                "error: internal error: "
                    + Display.safe(String.valueOf(ex))
                    + " (this is a bug; run with --debug for details)");
            if (main.debug) {
              ex.printStackTrace(e);
            }
            code = ExitCode.INTERNAL.code;
          }
          e.flush();
          return code;
        });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // picocli hands only Exceptions to the handler above; without this the JVM printed a stack
      // trace and exited 1, which reads as "a declaration failed"
      main.io
          .err()
          .println(
              "error: internal error: "
                  + e
                  + " (raise the Java heap with -Xmx, or lower the input limits: docs/security.md)");
      main.io.err().flush();
      return ExitCode.INTERNAL.code;
    }
  }

  /**
   * The usage error to print: a mistyped command or option names what the user probably meant
   * ({@code shipcheck chek} → did you mean check?), from picocli's edit-distance suggestions.
   */
  static String usageMessage(CommandLine.ParameterException ex) {
    String refused = refusedValue(ex);
    if (refused != null) {
      return refused;
    }
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
      return ex.getMessage();
    }
    String word = u.getUnmatched().get(0);
    java.util.List<String> near = u.getSuggestions();
    String suggestion = near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    if (u.getCommandLine().getCommandSpec().userObject() instanceof Main && !word.startsWith("-")) {
      String command = kz.shipcheck.yaml.Suggest.closest(word, COMMANDS.keySet());
      suggestion = command == null ? "" : "; did you mean " + command + "?";
      return "unknown command '"
          + word
          + "'"
          + suggestion
          + " (commands: "
          + String.join(", ", COMMANDS.keySet())
          + ")";
    }
    return ex.getMessage() + suggestion;
  }

  /**
   * {@code OPTION: reason} for an option value its type refused ({@link OptionTypes}: the reason
   * names what is accepted), the shape these errors had when commands checked values by hand; null
   * for any other usage error.
   */
  private static String refusedValue(CommandLine.ParameterException ex) {
    if (ex.getCause() instanceof CommandLine.TypeConversionException t
        && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
      return o.longestName() + ": " + t.getMessage();
    }
    return null;
  }

  /** The command line with the subcommand {@code only}, or with every subcommand when null. */
  static CommandLine commandLine(Io io, String only) {
    CommandLine cl = new CommandLine(new Main(io));
    for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
      if (only == null || only.equals(c.getKey())) {
        cl.addSubcommand(c.getKey(), c.getValue());
      }
    }
    return cl;
  }

  /**
   * The subcommand the arguments run, when that is certain: the first argument (after {@code
   * --debug}) names a command other than help. Otherwise null (other options first, a typo, help):
   * then every command is built.
   */
  static String invoked(String[] args) {
    int i = 0;
    while (i < args.length && args[i].equals("--debug")) {
      i++;
    }
    if (i == args.length || !COMMANDS.containsKey(args[i]) || args[i].equals("help")) {
      return null;
    }
    return args[i];
  }

  private static void applyToAll(CommandLine cl, Map<String, String> codes) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
        continue;
      }
      applyToAll(sub, codes);
    }
  }
}
