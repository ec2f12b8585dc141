package kz.shipcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import kz.shipcheck.check.BatchChecker;
import kz.shipcheck.check.Waivers;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.InputLimits;
import kz.shipcheck.input.SchemaValidator;
import kz.shipcheck.input.Sources;
import kz.shipcheck.report.AtomicFile;
import kz.shipcheck.report.Format;
import kz.shipcheck.report.ReportContext;
import kz.shipcheck.report.Reporter;
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
      description = "report format: text, json or jsonl (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE (atomically) instead of stdout")
  Path output;

  @Mixin PackOptions pack;

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

  @Option(names = "--jobs", paramLabel = "N", description = "worker threads (default: the number of cores)")
  Integer jobs;

  @Option(names = "--quiet", description = "no summary on stderr")
  boolean quiet;

  @Option(names = "--max-file-mb", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_FILE_MB,
      description = "files larger than N MB are invalid (default: ${DEFAULT-VALUE})")
  int maxFileMb;

  @Option(names = "--max-documents", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_DOCUMENTS,
      description = "documents beyond N in one file end as one invalid result (default: ${DEFAULT-VALUE})")
  int maxDocuments;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_DEPTH,
      description = "deepest nesting of a document (default: ${DEFAULT-VALUE})")
  int maxDepth;

  @Option(names = "--max-values", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_VALUES,
      description = "most values (scalars, lists, mappings) in one document (default: ${DEFAULT-VALUE})")
  int maxValues;

  @Option(names = "--max-value-chars", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_SCALAR_CHARS,
      description = "longest single value or key, in characters (default: ${DEFAULT-VALUE})")
  int maxValueChars;

  @Option(names = "--max-line-chars", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_LINE_CHARS,
      description = "longest line, in characters (default: ${DEFAULT-VALUE})")
  int maxLineChars;

  @Override
  public Integer call() throws Exception {
    Format fmt = Format.parse(format);
    if (fmt == null) {
      throw new UsageException("--format: unknown format '" + format + "' (text, json, jsonl)");
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
    if (jobs != null && jobs < 1) {
      throw new UsageException("--jobs: must be 1 or more");
    }
    if (maxFileMb < 1 || maxDocuments < 1 || maxDepth < 4 || maxValues < 16 || maxValueChars < 64 || maxLineChars < 80) {
      throw new UsageException("--max-file-mb and --max-documents must be at least 1, --max-depth at least 4,"
          + " --max-values at least 16, --max-value-chars at least 64, --max-line-chars at least 80");
    }
    Sources sources = new Sources(paths);
    List<String> missing = sources.missing();
    if (!missing.isEmpty()) {
      throw new UsageException(missing.get(0) + ": no such file or folder");
    }
    if (output != null) {
      Path dir = output.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new UsageException("--output: " + output + ": cannot write there (no such folder or no permission)");
      }
    }
    if (waiversFile != null && !Files.isRegularFile(waiversFile)) {
      throw new UsageException("--waivers: " + waiversFile + ": no such file");
    }
    long t0 = System.nanoTime();
    RulePack rulePack = pack.load();
    long t1 = System.nanoTime();
    Waivers waivers = waiversFile == null ? Waivers.NONE : readWaivers(rulePack);
    InputLimits limits =
        new InputLimits(maxFileMb * 1024L * 1024L, maxDocuments, maxDepth, maxValueChars, maxValues, maxLineChars);
    DeclarationReader reader = new DeclarationReader(limits, asOfDate);
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    BatchChecker checker = new BatchChecker(rulePack, reader, threads);
    checker.useWaivers(waivers);
    ReportContext context = new ReportContext(Version.get(), rulePack.catalogue());
    Summary summary = new Summary();

    AtomicFile file = null;
    try {
      OutputStream stream;
      if (output != null) {
        try {
          file = new AtomicFile(output);
        } catch (IOException e) {
          throw new UsageException("--output: " + output + ": cannot write: " + e.getMessage());
        }
        stream = file.stream();
      } else {
        stream = new java.io.BufferedOutputStream(new NonClosing(main.io.out()), 1 << 16);
      }
      Reporter reporter = fmt.create(stream, context);
      IOException[] failure = new IOException[1];
      try {
        checker.run(
            sources,
            main.io.in(),
            r -> {
              summary.add(r);
              if (failure[0] == null) {
                try {
                  reporter.result(r);
                } catch (IOException e) {
                  failure[0] = e;
                }
              }
            });
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
      if (failure[0] != null) {
        throw failure[0];
      }
      reporter.finish(summary, notes(waivers));
      stream.flush();
      if (file != null) {
        file.commit();
      }
    } catch (IOException e) {
      throw new UsageException("cannot write the report" + (output == null ? "" : " to " + output) + ": " + e.getMessage());
    } finally {
      if (file != null) {
        file.close();
      }
    }
    if (main.debug) {
      long t2 = System.nanoTime();
      main.io.err().printf("timing: JVM start to main %d ms, rule pack %d ms, check and report %d ms%n",
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (t2 - Main.STARTED) / 1_000_000,
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
    if (!quiet && (fmt != Format.TEXT || output != null)) {
      // the report holds the waiver notes too (json: waivers.expired/unused), but not every format
      // has room for them (jsonl): say them here as well
      for (Waivers.Waiver w : waivers.expired()) {
        main.io.err().println("waiver expired on " + w.expires() + ": " + describe(w));
      }
      for (Waivers.Waiver w : waivers.unused()) {
        main.io.err().println("waiver matched nothing: " + describe(w));
      }
      main.io.err().printf(
          "%d %s: %d passed, %d failed, %d invalid%s%n",
          summary.declarations(), summary.declarations() == 1 ? "declaration" : "declarations",
          summary.passed(), summary.failed(), summary.invalid(),
          summary.waived() > 0 ? ", " + summary.waived() + " waived" : "");
    }
    return exitCode(summary).code;
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

  /** Standard output must stay open for the rest of the program (and the test that captures it). */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      failIfBroken();
    }

    @Override
    public void flush() throws IOException {
      out.flush();
      failIfBroken();
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    /**
     * A PrintStream swallows write errors: without this check a report to a full disk or a closed
     * pipe ({@code > /dev/full}) was lost while the run exited 0.
     */
    private void failIfBroken() throws IOException {
      if (out instanceof java.io.PrintStream ps && ps.checkError()) {
        throw new IOException("standard output cannot be written (disk full or pipe closed?)");
      }
    }
  }
}
