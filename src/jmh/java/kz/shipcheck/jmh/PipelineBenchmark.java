package kz.shipcheck.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.shipcheck.bench.BaselinePipeline;
import kz.shipcheck.bench.DeclarationGenerator;
import kz.shipcheck.bench.PackMultiplier;
import kz.shipcheck.bench.PlainChecks;
import kz.shipcheck.check.BatchChecker;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.Source;
import kz.shipcheck.input.Sources;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.report.Format;
import kz.shipcheck.report.ReportContext;
import kz.shipcheck.report.Reporter;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.yaml.InputLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole batch pipeline once the JVM is warm: files found, read, parsed, checked and written as
 * jsonl (to nowhere), per declaration, with 1 and 2 workers. A whole process (src/bench/bench.sh)
 * spends its first seconds compiling and collecting on both cores whatever the workers do; here
 * JMH's warm-up iterations pay for that first, so what is left is the CPU-bound work, and {@code
 * jobs} 2 against 1 says how well the pipeline itself scales. {@code checks}: the engine with the
 * whole pack, the engine with the baseline's 15 rules, and the plain-Java baseline of those 15 (in
 * its copy of the pipeline, {@link BaselinePipeline}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// the launcher's batch flags (src/main/sh/shipcheck), after the stack the tests run with
@Fork(
    value = 1,
    jvmArgsPrepend = {
      "-Xss4m",
      "-XX:+UseParallelGC",
      "-Xmn128m",
      "-XX:MaxInlineLevel=4",
      "-XX:InlineSmallCode=500",
      "-XX:MaxInlineSize=20",
      "-XX:FreqInlineSize=100"
    })
@State(Scope.Benchmark)
public class PipelineBenchmark {
  /** Declarations per invocation, one per file as in bench.sh's batch. */
  static final int FILES = 4_000;

  @Param({"1", "2"})
  public int jobs;

  @Param({"engine", "engine-same-rules", "plain-java"})
  public String checks;

  private Path dir;

  /** Runs the pipeline chosen by {@link #checks} over the sources, with {@link #jobs} workers. */
  private interface Pipeline {
    void run(Iterable<Source> sources, InputStream stdin, Consumer<DeclarationResult> sink)
        throws Exception;
  }

  private Pipeline pipeline;
  private ReportContext context;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if (!Files.isDirectory(GeneratedDeclarations.RULES)) {
      throw new IllegalStateException("run from the repository root (src/bench/jmh.sh does)");
    }
    dir = Files.createTempDirectory("shipcheck-jmh-pipeline");
    new DeclarationGenerator(GeneratedDeclarations.RULES, 1)
        .perFile(1)
        .write(FILES, dir.resolve("declarations"));
    switch (checks) {
      case "engine" -> engine(GeneratedDeclarations.RULES);
      case "engine-same-rules" -> {
        Path same = dir.resolve("rules-same");
        PackMultiplier.multiply(GeneratedDeclarations.RULES, 1, PlainChecks.ruleIds(), same);
        engine(same);
      }
      case "plain-java" -> {
        ReferenceData data =
            ReferenceData.load(PackFiles.fromDirectory(GeneratedDeclarations.RULES), null, null);
        pipeline =
            (sources, stdin, sink) ->
                new BaselinePipeline(
                        () -> new PlainChecks(data, false),
                        new DeclarationReader(InputLimits.defaults(), null),
                        jobs)
                    .run(sources, stdin, sink);
        context = new ReportContext("jmh", PlainChecks.RULES);
      }
      default -> throw new IllegalArgumentException("checks: " + checks);
    }
  }

  private void engine(Path rules) throws Exception {
    RulePack pack = RulePack.load(PackFiles.fromDirectory(rules), null, null);
    pipeline =
        (sources, stdin, sink) ->
            new BatchChecker(pack, new DeclarationReader(InputLimits.defaults(), null), jobs, false)
                .run(sources, stdin, sink);
    context = new ReportContext("jmh", List.copyOf(pack.catalogue()));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(FILES)
  public long batch() throws Exception {
    long[] results = {0};
    try (Reporter reporter = Format.JSONL.create(OutputStream.nullOutputStream(), context)) {
      pipeline.run(
          new Sources(List.of(dir.resolve("declarations").toString())),
          InputStream.nullInputStream(),
          r -> {
            results[0]++;
            try {
              reporter.result(r);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    if (results[0] != FILES) {
      throw new IllegalStateException(results[0] + " results for " + FILES + " files");
    }
    return results[0];
  }
}
