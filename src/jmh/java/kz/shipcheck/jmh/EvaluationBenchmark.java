package kz.shipcheck.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shipcheck.bench.PlainChecks;
import kz.shipcheck.engine.Evaluator;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.yaml.InputLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Checking declarations that are already parsed, per declaration: the rule engine against the
 * plain-Java baseline of 15 rules ({@link PlainChecks}), both fed the chunks the batch pipeline
 * feeds them. Reading, parsing and reporting are left out; src/bench/bench.sh times them with the
 * rest of a run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// the stack the tests run with (pom.xml, surefire)
@Fork(value = 1, jvmArgsPrepend = "-Xss4m")
public class EvaluationBenchmark {
  /** Declarations checked per invocation; the ones that cannot be read do not count. */
  static final int DECLARATIONS = 2_000;

  /** As BatchChecker.CHUNK: declarations inserted into the session before the rules fire. */
  static final int CHUNK = 100;

  /**
   * The first 2,000 readable declarations of 2,100 generated (about 1 % cannot be read), parsed
   * once. Per thread: evaluation writes the resolved reference rows into the declarations.
   */
  @State(Scope.Thread)
  public static class Declarations {
    List<List<Evaluator.Input>> chunks;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);
      List<Evaluator.Input> valid = new ArrayList<>();
      for (GeneratedDeclarations.GeneratedFile f :
          GeneratedDeclarations.files(DECLARATIONS + 100)) {
        for (ReadDocument d : reader.documents(f.name(), f.bytes())) {
          if (d.isValid() && valid.size() < DECLARATIONS) {
            valid.add(new Evaluator.Input(d.declaration(), d.locations()));
          }
        }
      }
      if (valid.size() != DECLARATIONS) {
        throw new IllegalStateException(
            "only " + valid.size() + " readable declarations, " + DECLARATIONS + " needed");
      }
      chunks = new ArrayList<>();
      for (int i = 0; i < valid.size(); i += CHUNK) {
        chunks.add(List.copyOf(valid.subList(i, Math.min(i + CHUNK, valid.size()))));
      }
    }
  }

  /** The repository's rule pack, compiled once, with one long-lived session as a worker has. */
  @State(Scope.Thread)
  public static class Engine {
    Evaluator evaluator;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      evaluator =
          RulePack.load(PackFiles.fromDirectory(GeneratedDeclarations.RULES), null, null)
              .newEvaluator();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      evaluator.close();
    }
  }

  /** The plain-Java baseline over the same reference data; the pack's DRL is not compiled. */
  @State(Scope.Thread)
  public static class Plain {
    PlainChecks checks;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      checks =
          new PlainChecks(
              ReferenceData.load(PackFiles.fromDirectory(GeneratedDeclarations.RULES), null, null),
              false);
    }
  }

  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void drools(Declarations in, Engine engine, Blackhole bh) {
    for (List<Evaluator.Input> chunk : in.chunks) {
      bh.consume(engine.evaluator.evaluate(chunk));
    }
  }

  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void plainJava(Declarations in, Plain plain, Blackhole bh) {
    for (List<Evaluator.Input> chunk : in.chunks) {
      bh.consume(plain.checks.evaluate(chunk));
    }
  }
}
