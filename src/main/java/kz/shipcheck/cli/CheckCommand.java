package kz.shipcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import kz.shipcheck.check.BatchChecker;
import kz.shipcheck.check.Waivers;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.InputLimits;
import kz.shipcheck.input.SchemaValidator;
import kz.shipcheck.input.Sources;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.pack.Rate;
import kz.shipcheck.pack.StaleData;
import kz.shipcheck.report.AtomicFile;
import kz.shipcheck.report.Format;
import kz.shipcheck.report.ReportContext;
import kz.shipcheck.report.Reporter;
import kz.shipcheck.report.SummaryText;
import kz.shipcheck.report.WaiverNotes;
import kz.shipcheck.result.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck check}: checks declarations and writes a report. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check declarations against the rule pack.",
      "PATH is a file, a folder (searched recursively for *.yaml and *.yml, sorted) or - for standard input."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "declaration files, folders, or - for stdin")
  List<String> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "report format: text, json, jsonl, csv, junit, sarif, github or html (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE (atomically) instead of stdout")
  Path output;

  @Option(names = "--report", paramLabel = "FORMAT=FILE",
      description = "also write a report in FORMAT to FILE (atomically); repeatable, e.g. --report sarif=r.sarif")
  List<String> reports = new ArrayList<>();

  @Mixin PackOptions pack;

  @Mixin LangOption lang;

  @Mixin ReleaseOptions release;

  @Option(names = "--as-of", paramLabel = "DATE", description = "judge every declaration as if shipped on DATE (yyyy-mm-dd)")
  String asOf;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "exit 1 on: error, warning or never (default: ${DEFAULT-VALUE})")
  String failOn;

  @Option(names = "--waivers", paramLabel = "FILE",
      description = "accepted exceptions (YAML list: rule, declaration id or glob, optional path, reason,"
          + " expires, approvedBy); a waived finding is reported as waived and does not fail its"
          + " declaration; a waiver applies while the declaration's ship date (or --as-of) is before"
          + " its expiry")
  Path waiversFile;

  /** The most worker threads {@code --jobs} takes: far more than cores, each holds a rule session. */
  static final int MAX_JOBS = 256;

  // The numeric options are read as text and parsed in call(): a value out of range, or not a
  // number at all, is then one line naming the option and its range (exit 2), and no value can
  // overflow the arithmetic done on it (--max-depth 2147483647 was an internal error).
  @Option(names = "--jobs", paramLabel = "N", description = "worker threads, 1 to " + MAX_JOBS + " (default: the number of cores)")
  String jobs;

  @Option(names = "--quiet", description = "no progress and no summary on stderr")
  boolean quiet;

  @Option(names = "--max-file-mb", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_FILE_MB,
      description = "files larger than N MB are invalid, " + InputLimits.MIN_FILE_MB + " to " + InputLimits.MAX_FILE_MB
          + " (default: ${DEFAULT-VALUE})")
  String maxFileMb;

  @Option(names = "--max-documents", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_DOCUMENTS,
      description = "documents beyond N in one file end as one invalid result, " + InputLimits.MIN_DOCUMENTS + " to "
          + InputLimits.MAX_DOCUMENTS + " (default: ${DEFAULT-VALUE})")
  String maxDocuments;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_DEPTH,
      description = "deepest nesting of a document, " + InputLimits.MIN_DEPTH + " to " + InputLimits.MAX_DEPTH
          + " (default: ${DEFAULT-VALUE})")
  String maxDepth;

  @Option(names = "--max-values", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_VALUES,
      description = "most values (scalars, lists, mappings) in one document, " + InputLimits.MIN_VALUES + " to "
          + InputLimits.MAX_VALUES + " (default: ${DEFAULT-VALUE})")
  String maxValues;

  @Option(names = "--max-value-chars", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_SCALAR_CHARS,
      description = "longest single value or key, in characters, " + InputLimits.MIN_SCALAR_CHARS + " to "
          + InputLimits.MAX_SCALAR_CHARS + " (default: ${DEFAULT-VALUE})")
  String maxValueChars;

  @Option(names = "--max-line-chars", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_LINE_CHARS,
      description = "longest line, in characters, " + InputLimits.MIN_LINE_CHARS + " to " + InputLimits.MAX_LINE_CHARS
          + " (default: ${DEFAULT-VALUE})")
  String maxLineChars;

  /** One report this run writes: a format and where it goes (a file, or stdout when null). */
  private static final class Target {
    final Format format;
    final Path file;
    final String label;
    AtomicFile atomic;
    OutputStream stream;
    Reporter reporter;
    String error;

    Target(Format format, Path file, String label) {
      this.format = format;
      this.file = file;
      this.label = label;
    }

    boolean live() {
      return error == null;
    }

    void fail(String reason) {
      if (error == null) {
        error = file == null
            ? "cannot write the report to standard output: " + reason
            : label + ": cannot write " + file + ": " + reason;
      }
    }

    void close() {
      if (reporter != null) {
        reporter.close();
      }
      if (atomic != null) {
        atomic.close(); // removes the temporary file unless committed
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    Format fmt = Format.parse(format);
    if (fmt == null) {
      throw new UsageException("--format: unknown format '" + format + "' (" + Format.labels() + ")");
    }
    if (!List.of("error", "warning", "never").contains(failOn)) {
      throw new UsageException("--fail-on: must be error, warning or never, found '" + failOn + "'");
    }
    LocalDate asOfDate = null;
    if (asOf != null) {
      asOfDate = SchemaValidator.parseDate(asOf);
      if (asOfDate == null) {
        throw new UsageException("--as-of: not a date (yyyy-mm-dd): '" + asOf + "'");
      }
    }
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : number("--jobs", jobs, 1, MAX_JOBS);
    InputLimits limits = new InputLimits(
        number("--max-file-mb", maxFileMb, InputLimits.MIN_FILE_MB, InputLimits.MAX_FILE_MB) * 1024L * 1024L,
        number("--max-documents", maxDocuments, InputLimits.MIN_DOCUMENTS, InputLimits.MAX_DOCUMENTS),
        number("--max-depth", maxDepth, InputLimits.MIN_DEPTH, InputLimits.MAX_DEPTH),
        number("--max-value-chars", maxValueChars, InputLimits.MIN_SCALAR_CHARS, InputLimits.MAX_SCALAR_CHARS),
        number("--max-values", maxValues, InputLimits.MIN_VALUES, InputLimits.MAX_VALUES),
        number("--max-line-chars", maxLineChars, InputLimits.MIN_LINE_CHARS, InputLimits.MAX_LINE_CHARS));
    List<Target> targets = targets(fmt);
    Sources sources = new Sources(paths);
    List<String> missing = sources.missing();
    if (!missing.isEmpty()) {
      throw new UsageException(missing.get(0) + ": no such file or folder");
    }
    precheck(targets);
    if (targets.stream().noneMatch(Target::live)) {
      throw new UsageException(targets.get(0).error);
    }
    if (waiversFile != null && !Files.isRegularFile(waiversFile)) {
      throw new UsageException("--waivers: " + waiversFile + ": no such file");
    }
    int maxAge = release.maxDataAge();
    long t0 = System.nanoTime();
    PackFiles packFiles = release.trusted(pack.files());
    RulePack rulePack = pack.load(packFiles);
    PackId packId = PackId.of(packFiles);
    long t1 = System.nanoTime();
    for (String w : StaleData.warnings(packFiles, LocalDate.now(), maxAge)) {
      main.io.err().println(w);
    }
    Waivers waivers = waiversFile == null ? Waivers.NONE : readWaivers(rulePack);
    DeclarationReader reader = new DeclarationReader(limits, asOfDate);
    BatchChecker checker = new BatchChecker(rulePack, reader, threads);
    checker.useWaivers(waivers);
    ReportContext context = new ReportContext(Version.get(), rulePack.catalogue(), packId, rulePack.text().language());
    Summary summary = new Summary();
    // results handed on before every report had failed; -1 while some report can still be written
    long[] stoppedAfter = {-1};

    try {
      open(targets, context);
      if (targets.stream().noneMatch(Target::live)) {
        throw new UsageException(targets.get(0).error);
      }
      // progress only where it cannot garble a report scrolling on the same terminal
      boolean progressShown = main.io.errIsTerminal() && !quiet && !(output == null && main.io.outIsTerminal());
      try (Progress progress = progressShown ? Progress.start(main.io.err(), sources) : null) {
        checker.run(
            sources,
            main.io.in(),
            r -> {
              if (stoppedAfter[0] >= 0) {
                return; // the rest of a chunk already checked when the run was stopped
              }
              summary.add(r);
              if (progress != null) {
                progress.result(r);
              }
              for (Target t : targets) {
                if (t.live()) {
                  try {
                    t.reporter.result(r);
                  } catch (IOException e) {
                    t.fail(reason(e));
                  }
                }
              }
              if (targets.stream().noneMatch(Target::live)) {
                // no report can take the rest (| head -1 closed stdout): stop checking, exit 2
                stoppedAfter[0] = summary.declarations();
                checker.stop();
              }
            });
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
      for (Target t : targets) {
        if (t.live()) {
          try {
            t.reporter.finish(summary, notes(waivers));
            t.stream.flush();
            if (t.atomic != null) {
              t.atomic.commit();
            }
          } catch (IOException e) {
            t.fail(reason(e));
          }
        }
      }
    } finally {
      for (Target t : targets) {
        t.close();
      }
    }
    if (main.debug) {
      long t2 = System.nanoTime();
      main.io.err().printf("timing: JVM start to main %d ms, main to check %d ms, rule pack %d ms (%s), check and report %d ms%n",
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (t2 - Main.STARTED) / 1_000_000,
          (t0 - Main.STARTED) / 1_000_000, (t1 - t0) / 1_000_000, rulePack.loadTiming(), (t2 - t1) / 1_000_000);
    }
    // a text report on stdout ends with its own summary: stderr stays empty then; a run stopped
    // early has no summary to give
    if (!quiet && (fmt != Format.TEXT || output != null) && stoppedAfter[0] < 0) {
      // the report holds the waiver notes too (json: waivers.expired/unused), but not every format
      // has room for them (jsonl): say them here as well
      for (Waivers.Waiver w : waivers.expired()) {
        main.io.err().println("waiver expired on " + w.expires() + ": " + kz.shipcheck.report.Display.safe(describe(w)));
      }
      for (Waivers.Waiver w : waivers.unused()) {
        main.io.err().println("waiver matched nothing: " + kz.shipcheck.report.Display.safe(describe(w)));
      }
      main.io.err().print(SummaryText.render(summary, c -> {
        Rate r = rulePack.data().rate(c);
        return r == null ? null : r.usd();
      }, (key, args) -> rulePack.text().render(key, kz.shipcheck.engine.Args.from(args))));
      main.io.err().println(packId.line());
    }
    boolean failedTargets = false;
    for (Target t : targets) {
      if (!t.live()) {
        String stopped = stoppedAfter[0] >= 0 && t == targets.get(targets.size() - 1)
            ? String.format(java.util.Locale.ROOT, "; stopped after %,d declarations", stoppedAfter[0]) : "";
        main.io.err().println("error: " + kz.shipcheck.report.Display.safe(t.error) + stopped);
        failedTargets = true;
      }
    }
    main.io.err().flush();
    return failedTargets ? ExitCode.USAGE.code : exitCode(summary).code;
  }

  /** The main report (--format, --output) and every --report, checked before anything runs. */
  private List<Target> targets(Format fmt) {
    List<Target> out = new ArrayList<>();
    out.add(new Target(fmt, output, "--output"));
    for (String spec : reports) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new UsageException("--report: expected FORMAT=FILE, found '" + spec + "'");
      }
      Format f = Format.parse(spec.substring(0, eq));
      if (f == null) {
        throw new UsageException("--report: unknown format '" + spec.substring(0, eq) + "' (" + Format.labels() + ")");
      }
      out.add(new Target(f, Path.of(spec.substring(eq + 1)), "--report " + spec));
    }
    Set<Path> seen = new HashSet<>();
    for (Target t : out) {
      if (t.file != null && !seen.add(sameFileKey(t.file))) {
        throw new UsageException(t.label + ": " + t.file + " is named twice; each report needs its own file");
      }
    }
    return out;
  }

  /**
   * One key for every name of the same regular file: a link and its target, or two links to one
   * file, would have two reports replace each other. (A device such as /dev/null may take several
   * reports under different names.)
   */
  private static Path sameFileKey(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return file.toRealPath();
      }
    } catch (IOException | SecurityException e) {
      // gone meanwhile: its name is the key
    }
    return file.toAbsolutePath().normalize();
  }

  /**
   * Marks the targets that cannot be written at all (before the rule pack is even loaded): a
   * folder, a socket, a folder that does not exist or cannot be written (AtomicFile says which
   * paths are replaced and which written directly).
   */
  private static void precheck(List<Target> targets) {
    for (Target t : targets) {
      String problem = t.file == null ? null : AtomicFile.problem(t.file);
      if (problem != null) {
        t.fail(problem);
      }
    }
  }

  /** Opens every target still live; one that cannot be opened is marked failed, the others go on. */
  private void open(List<Target> targets, ReportContext context) {
    for (Target t : targets) {
      if (!t.live()) {
        continue;
      }
      try {
        if (t.file == null) {
          t.stream = new java.io.BufferedOutputStream(new NonClosingStream(main.io.out()), 1 << 16);
        } else {
          t.atomic = AtomicFile.open(t.file);
          t.stream = t.atomic.stream();
        }
        t.reporter = t.format.create(t.stream, context);
      } catch (IOException e) {
        t.fail(reason(e));
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private Waivers readWaivers(RulePack rulePack) throws kz.shipcheck.pack.PackException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(waiversFile);
    } catch (IOException e) {
      throw new kz.shipcheck.pack.PackException(waiversFile.toString(), 0, 0, "cannot read the waivers file: " + e.getMessage());
    }
    return Waivers.read(waiversFile.toString(), bytes,
        rulePack.catalogue().stream().map(kz.shipcheck.result.RuleInfo::id).toList());
  }

  private String describe(Waivers.Waiver w) {
    return w.rule() + " for " + w.declaration() + (w.path() == null ? "" : " at " + w.path())
        + " (" + waiversFile + ":" + w.line() + ")";
  }

  /** The waivers that did not apply, for the report. */
  private static WaiverNotes notes(Waivers w) {
    return new WaiverNotes(entries(w.expired()), entries(w.unused()));
  }

  private static List<WaiverNotes.Entry> entries(List<Waivers.Waiver> list) {
    return list.stream()
        .map(w -> new WaiverNotes.Entry(w.rule(), w.declaration(), w.path(), w.reason(), w.expires().toString(),
            w.approvedBy(), w.line()))
        .toList();
  }

  private ExitCode exitCode(Summary s) {
    if (failOn.equals("never")) {
      return ExitCode.OK;
    }
    if (s.failed() + s.invalid() > 0) {
      return ExitCode.FAILED;
    }
    if (failOn.equals("warning") && s.warnings() > 0) {
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  }

  /**
   * A numeric option's value: decimal digits within [min, max]; anything else is a usage error
   * (exit 2) that names the option and its range.
   */
  static int number(String option, String value, int min, int max) {
    String v = value.strip();
    if (!v.matches("[0-9]{1,10}") || Long.parseLong(v) < min || Long.parseLong(v) > max) {
      throw new UsageException(String.format(java.util.Locale.ROOT, "%s: must be a whole number from %,d to %,d, found '%s'",
          option, min, max, value));
    }
    return Integer.parseInt(v);
  }
}
