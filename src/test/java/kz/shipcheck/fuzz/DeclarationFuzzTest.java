package kz.shipcheck.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.shipcheck.engine.Evaluator;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.Finding;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of reading and checking: arbitrary bytes go through {@link
 * DeclarationReader#readBytes} and every valid document through an {@link Evaluator} of the bundled
 * pack, as in a batch. Invariants: no exception escapes, every document gets a result, every
 * problem and finding points at a line and column of 1 or more.
 *
 * <p>Seeds are the example shipments, the pack's fixtures and the hostile corpus. In a normal
 * {@code mvn test} Jazzer runs the seeds and every saved crash as regression cases; {@code mvn
 * verify} also fuzzes for {@code fuzz.duration} (docs/security.md has the command for longer runs).
 * A crash Jazzer finds is written to {@code
 * src/test/resources/kz/shipcheck/fuzz/DeclarationFuzzTestInputs/readAndCheck/} and from then on
 * runs here as a regression case.
 */
class DeclarationFuzzTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  private static DeclarationReader reader;
  private static RulePack pack;
  private static Evaluator evaluator;

  // created on first use, after Jazzer's agent is in place, so that it instruments these classes
  private static synchronized DeclarationReader reader() {
    if (reader == null) {
      reader = new DeclarationReader(InputLimits.defaults(), null);
    }
    return reader;
  }

  private static synchronized Evaluator evaluator() {
    if (evaluator == null) {
      try {
        pack = RulePack.load(PackFiles.fromDirectory(ROOT.resolve("rules")), null, null);
      } catch (Exception e) {
        throw new IllegalStateException("the bundled pack does not load", e);
      }
      evaluator = pack.newEvaluator();
    }
    return evaluator;
  }

  /**
   * Where Jazzer keeps the inputs it found interesting between fuzzing runs (git-ignored). Each run
   * first replays all of them, so the folder is trimmed to keep that replay, and with it the test's
   * run time, bounded.
   */
  static final Path GENERATED =
      ROOT.resolve(".cifuzz-corpus")
          .resolve(DeclarationFuzzTest.class.getName())
          .resolve("readAndCheck");

  static final int MAX_GENERATED = 400;

  /** The seed corpus: every example shipment, pack fixture and hostile declaration. */
  static Stream<Arguments> seeds() {
    trim(GENERATED, MAX_GENERATED);
    List<Arguments> out = new ArrayList<>();
    for (String dir : List.of("shipments", "rules/tests", "src/test/resources/hostile")) {
      Path d = ROOT.resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(d)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          out.add(Arguments.of((Object) Files.readAllBytes(f)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.stream();
  }

  /** Keeps the {@code max} smallest files: they replay fastest and were reduced the furthest. */
  static void trim(Path dir, int max) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).toList());
      if (all.size() <= max) {
        return;
      }
      all.sort(
          java.util.Comparator.comparingLong((Path p) -> p.toFile().length())
              .thenComparing(Path::toString));
      for (Path p : all.subList(max, all.size())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles the pack before any input runs: inside the per-input hang guard, the first input paid
   * for the compilation, which on a loaded two-core machine took longer than the guard.
   */
  @BeforeAll
  static void loadThePackOutsideTheHangGuard() {
    reader();
    evaluator();
  }

  @MethodSource("seeds")
  @Timeout(
      value = 120,
      unit = TimeUnit.SECONDS) // a hang guard per input (libFuzzer's -timeout), not a speed test
  @FuzzTest(maxDuration = "30s")
  void readAndCheck(byte[] input) {
    List<ReadDocument> docs = reader().readBytes("fuzz.yaml", input);
    assertFalse(docs.isEmpty(), "every input yields at least one result");
    List<Evaluator.Input> valid = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      ReadDocument d = docs.get(i);
      assertEquals(i + 1, d.document(), "documents are numbered in order");
      if (d.isValid()) {
        assertNotNull(d.declaration());
        valid.add(new Evaluator.Input(d.declaration(), d.locations()));
      } else {
        for (InputProblem p : d.problems()) {
          assertTrue(
              p.line() >= 1 && p.column() >= 1, p.rule() + " at " + p.line() + ":" + p.column());
          assertNotNull(p.getMessage());
        }
      }
    }
    if (valid.isEmpty()) {
      return;
    }
    List<List<Finding>> findings = evaluator().evaluate(valid);
    assertEquals(valid.size(), findings.size(), "every valid document gets its findings");
    for (List<Finding> list : findings) {
      for (Finding f : list) {
        assertTrue(
            f.line() >= 1 && f.column() >= 1, f.rule() + " at " + f.line() + ":" + f.column());
        assertNotNull(f.message(), f.rule());
      }
    }
  }
}
