package kz.shipcheck.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.fixture.FixtureReport;
import kz.shipcheck.fixture.FixtureRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck test}: runs a rule pack's fixtures and compares findings with expectations. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Run a rule pack's fixtures and compare findings with their expect comments.",
    description = {
      "Run fixture declarations against a rule pack. A fixture states its expected findings as"
          + " '# expect: RULE-ID' comments (several ids separated by commas) on the lines the findings"
          + " point at; for a missing field, on its parent's line. '# expect: pass' says the file must"
          + " produce no finding at all; a file with no expect comment must pass as well.",
      "Reports per fixture file whether findings and expectations match (missing and unexpected"
          + " both fail), and the rules that no fixture makes fire (coverage). Exits 0 only when every"
          + " fixture matches."
    })
final class TestCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description =
          "fixture folder or file (default: the --rules pack's tests/ folder, or ./rules/tests)")
  Path dir;

  @Mixin PackOptions pack;

  /** What {@code test} writes: the text listing, or JUnit XML for CI. */
  enum Output {
    TEXT,
    JUNIT
  }

  /** Binds {@code --format} to {@link Output}. */
  static final class Outputs extends OptionTypes.Labels<Output> {
    Outputs() {
      super(Output.class);
    }
  }

  @Mixin LangOption lang;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Outputs.class,
      completionCandidates = Outputs.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Output format;

  @Override
  public Integer call() throws Exception {
    Path fixtures = dir;
    if (fixtures == null) {
      fixtures = pack.rules != null ? pack.rules.resolve("tests") : Path.of("rules", "tests");
      if (!Files.exists(fixtures)) {
        throw new UsageException(
            fixtures + ": no such fixture folder (give the fixture folder as DIR)");
      }
    }
    if (!Files.exists(fixtures)) {
      throw new UsageException(fixtures + ": no such fixture folder or file");
    }
    RulePack p = pack.load();
    // a translation that lacks a key still works (English is shown), but a pack's tests say so
    for (String gap : p.messages().gaps()) {
      main.io.err().println("warning: " + gap);
    }
    main.io.err().flush();
    FixtureRunner.Report report = new FixtureRunner(p).run(List.of(fixtures.toString()));
    if (report.fixtures().isEmpty()) {
      throw new UsageException(fixtures + ": no fixtures (*.yaml, *.yml) found");
    }
    String text = format == Output.JUNIT ? FixtureReport.junit(report) : FixtureReport.text(report);
    main.io.out().write(text.getBytes(StandardCharsets.UTF_8));
    main.io.out().flush();
    return report.allMatched() ? ExitCode.OK.code : ExitCode.FAILED.code;
  }
}
