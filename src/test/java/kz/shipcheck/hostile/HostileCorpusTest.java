package kz.shipcheck.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.fixture.Expectations;
import kz.shipcheck.fixture.FixtureRunner;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.RuleInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-made corpus of bad declarations in {@code src/test/resources/hostile}: wrong types,
 * missing fields, impossible dates, look-alike and duplicate keys, tabs, NUL bytes, BOM and CRLF,
 * huge numbers, YAML 1.1 booleans, tags and aliases. Each file states its expected invalid or fail
 * result as {@code # expect: RULE-ID} on the offending line, and runs through the same {@link
 * FixtureRunner} as the rule pack's own fixtures, with the bundled pack.
 */
class HostileCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/hostile");
  static RulePack pack;
  static FixtureRunner.Report report;

  @BeforeAll
  static void run() throws Exception {
    pack = RulePack.load(PackFiles.fromDirectory(Path.of("rules")), null, null);
    report = new FixtureRunner(pack).run(List.of(CORPUS.toString()));
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> all = Files.list(CORPUS)) {
      return all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBadDeclarationGetsItsExpectedResult() throws IOException {
    Set<String> known = pack.catalogue().stream().map(RuleInfo::id).collect(Collectors.toSet());
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files()) {
      tests.add(
          DynamicTest.dynamicTest(
              file.getFileName().toString(),
              () -> {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                List<Expectations.Expected> expected = Expectations.parse(text);
                assertFalse(
                    expected.isEmpty(), "a hostile fixture must expect at least one finding");
                for (Expectations.Expected e : expected) {
                  assumeTrue(
                      known.contains(e.rule()),
                      "needs rule " + e.rule() + ", which this pack does not have");
                }
                FixtureRunner.FixtureResult r =
                    report.fixtures().stream()
                        .filter(f -> Path.of(f.file()).equals(file))
                        .findFirst()
                        .orElseThrow();
                assertTrue(
                    r.matched(),
                    "missing "
                        + r.missing()
                        + ", unexpected "
                        + r.unexpected().stream()
                            .map(
                                u ->
                                    u.line()
                                        + ":"
                                        + u.column()
                                        + " "
                                        + u.rule()
                                        + " "
                                        + u.message())
                            .toList());
              }));
    }
    return tests.stream();
  }

  @Test
  void theCorpusHoldsAtLeastFiftyBadDeclarations() throws IOException {
    int documents =
        report.fixtures().stream().mapToInt(FixtureRunner.FixtureResult::documents).sum();
    assertTrue(documents >= 50, "documents: " + documents);
    assertEquals(files().size(), report.fixtures().size(), "every corpus file was read");
  }
}
