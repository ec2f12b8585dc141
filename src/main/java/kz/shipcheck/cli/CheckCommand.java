package kz.shipcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import kz.shipcheck.check.CheckRun;
import kz.shipcheck.check.Waivers;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.Sources;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.pack.StaleData;
import kz.shipcheck.report.Display;
import kz.shipcheck.report.Format;
import kz.shipcheck.report.ReportContext;
import kz.shipcheck.report.ReportTargets;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Summary;
import kz.shipcheck.yaml.InputLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shipcheck check}: checks declarations and writes a report. The command only turns its
 * options into values: the run is {@link CheckRun}'s, the reports {@link ReportTargets}', and the
 * verdict the results' own ({@link Summary#passes}).
 */
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

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "declaration files, folders, or - for stdin")
  List<String> paths;

  @Mixin ReportOptions report;

  @Mixin PackOptions pack;

  @Mixin LangOption lang;

  @Mixin ReleaseOptions release;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      converter = OptionTypes.Date.class,
      description = "judge every declaration as if shipped on DATE (yyyy-mm-dd)")
  LocalDate asOf;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      converter = OptionTypes.FailOnLevel.class,
      completionCandidates = OptionTypes.FailOnLevel.class,
      description =
          "exit 1 on: ${COMPLETION-CANDIDATES}; under warning an unwaived warning fails its declaration"
              + " (default: ${DEFAULT-VALUE})")
  FailOn failOn;

  @Option(
      names = "--waivers",
      paramLabel = "FILE",
      description =
          "accepted exceptions (YAML list: rule, declaration id or glob, optional path, reason,"
              + " expires, approvedBy); a waived finding is reported as waived and does not fail its"
              + " declaration; a waiver applies while the declaration's ship date (or --as-of) is before"
              + " its expiry")
  Path waiversFile;

  /**
   * The most worker threads {@code --jobs} takes: far more than cores, each holds a rule session.
   */
  static final int MAX_JOBS = 256;

  // text, as the limits: a bad value is one line naming the range (LimitOptions.number)
  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "worker threads, 1 to " + MAX_JOBS + " (default: the number of cores)")
  String jobs;

  @Option(names = "--quiet", description = "no progress and no summary on stderr")
  boolean quiet;

  @Mixin LimitOptions limits;

  @Override
  public Integer call() throws Exception {
    int threads =
        jobs == null
            ? Runtime.getRuntime().availableProcessors()
            : LimitOptions.number("--jobs", jobs, 1, MAX_JOBS);
    InputLimits inputLimits = limits.limits();
    ReportTargets targets;
    try {
      targets = new ReportTargets(report.specs());
    } catch (ReportTargets.Clash e) {
      throw new UsageException(e.getMessage());
    }
    Sources sources = new Sources(paths);
    if (!sources.missing().isEmpty()) {
      throw new UsageException(sources.missing().get(0) + ": no such file or folder");
    }
    if (!targets.anyLive()) {
      throw new UsageException(targets.mainError());
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
    Waivers waivers =
        waiversFile == null
            ? Waivers.NONE
            : Waivers.read(waiversFile, rulePack.catalogue().stream().map(RuleInfo::id).toList());
    CheckRun.Options options = new CheckRun.Options(inputLimits, asOf, threads, failOn, waivers);
    CheckRun.Result run;
    try (targets) {
      targets.open(
          main.io.out(),
          new ReportContext(
              Version.get(),
              rulePack.catalogue(),
              packId,
              failOn,
              rulePack.text().language(),
              CheckSummary.words(rulePack)));
      if (!targets.anyLive()) {
        throw new UsageException(targets.mainError());
      }
      // progress only where it cannot garble a report scrolling on the same terminal
      boolean progressShown =
          main.io.errIsTerminal() && !quiet && !(report.output == null && main.io.outIsTerminal());
      try (Progress progress = progressShown ? Progress.start(main.io.err(), sources) : null) {
        run =
            CheckRun.run(
                rulePack,
                options,
                sources,
                main.io.in(),
                r -> {
                  if (progress != null) {
                    progress.result(r);
                  }
                  return targets.accept(r);
                });
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
      targets.finish(run.summary(), CheckSummary.notes(waivers));
    }
    if (main.debug) {
      long t2 = System.nanoTime();
      main.io
          .err()
          .printf(
              "timing: JVM start to main %d ms, main to check %d ms, rule pack %d ms (%s), check and report %d ms%n",
              java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                  - (t2 - Main.STARTED) / 1_000_000,
              (t0 - Main.STARTED) / 1_000_000,
              (t1 - t0) / 1_000_000,
              rulePack.loadTiming(),
              (t2 - t1) / 1_000_000);
    }
    // a text report on stdout ends with its own summary: stderr stays empty then; a run stopped
    // early has no summary to give
    if (!quiet && (report.format != Format.TEXT || report.output != null) && !run.stopped()) {
      new CheckSummary(main.io.err(), rulePack, waiversFile).print(run.summary(), waivers, packId);
    }
    List<String> errors = targets.errors();
    for (int i = 0; i < errors.size(); i++) {
      String stopped =
          run.stopped() && i == errors.size() - 1
              ? String.format(Locale.ROOT, "; stopped after %,d declarations", run.stoppedAfter())
              : "";
      main.io.err().println("error: " + Display.safe(errors.get(i)) + stopped);
    }
    main.io.err().flush();
    if (!errors.isEmpty()) {
      return ExitCode.USAGE.code;
    }
    return run.summary().passes() ? ExitCode.OK.code : ExitCode.FAILED.code;
  }
}
