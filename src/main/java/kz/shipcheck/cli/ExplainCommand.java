package kz.shipcheck.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.fixture.Examples;
import kz.shipcheck.input.Suggest;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.report.Display;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck explain RULE-ID}: one rule's metadata, where it lives, and a failing example. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Explain one rule, with a failing example from the pack's fixtures.",
    description = {
      "Explain one rule: its title, severity, protocol reference, basis, the reference data it reads,"
          + " the DRL file and line that define it, and a failing example: the smallest fixture"
          + " document in the pack's tests/ folder that expects the rule, with the offending lines"
          + " marked '>' and the finding the rule gives there.",
      "Built-in input checks (INPUT-*, BATCH-001) are explained too."
    })
final class ExplainCommand implements Callable<Integer> {
  private static final String BUILT_IN = "(built in)";

  @ParentCommand Main main;

  @Parameters(paramLabel = "RULE-ID", description = "the rule's id, e.g. ACCESS-003 (case does not matter)")
  String id;

  @Mixin PackOptions pack;

  @Mixin LangOption lang;

  @Override
  public Integer call() throws Exception {
    PackFiles files = pack.files();
    RulePack p = pack.load(files);
    RuleInfo rule = p.rule(id);
    if (rule == null) {
      rule = p.rule(id.toUpperCase(Locale.ROOT));
    }
    if (rule == null) {
      List<String> ids = p.catalogue().stream().map(RuleInfo::id).toList();
      String near = Suggest.closest(id.toUpperCase(Locale.ROOT), ids);
      throw new UsageException("unknown rule '" + id + "'"
          + (near != null ? "; did you mean " + near + "?" : "")
          + " ('shipcheck rules' lists every rule)");
    }
    PrintStream out = main.io.out();
    StringBuilder b = new StringBuilder();
    line(b, rule.id() + ": " + rule.title());
    b.append('\n');
    row(b, "severity", rule.severity().label() + switch (rule.severity()) {
      case ERROR -> " (fails the declaration)";
      case WARNING -> " (fails the declaration only with --fail-on warning)";
      case INFO -> " (never fails the declaration)";
    });
    row(b, "basis", rule.basis() + " (" + basisMeaning(rule.basis()) + ")");
    row(b, "reference", rule.reference());
    row(b, "reads", rule.data().isEmpty()
        ? "no reference data"
        : String.join(", ", rule.data().stream().map(files::display).toList()));
    if (rule.file().equals(BUILT_IN)) {
      row(b, "defined", rule.id().startsWith("INPUT-")
          ? "built into the reader: a document that fails it is invalid, and no rule runs on it"
          : "built into the batch checker");
    } else {
      row(b, "defined", files.display(rule.file()) + ":" + rule.line());
    }
    b.append('\n');
    Examples.Example ex = Examples.find(files, p, rule.id());
    if (ex == null) {
      line(b, "Failing example: none. No fixture under " + files.display("tests") + " expects " + rule.id()
          + "; add one with '# expect: " + rule.id() + "' on the offending line.");
    } else {
      line(b, "Failing example: " + ex.file() + (ex.document() > 1 ? " (document " + ex.document() + ")" : ""));
      int width = String.valueOf(ex.lines().get(ex.lines().size() - 1).number()).length();
      for (Examples.Line l : ex.lines()) {
        // a CRLF file's lines end in \r: part of the line break, not of the text to show
        String text = l.text().endsWith("\r") ? l.text().substring(0, l.text().length() - 1) : l.text();
        line(b, (l.marked() ? "> " : "  ") + String.format("%" + width + "d", l.number()) + " | " + text);
      }
      b.append('\n');
      if (ex.findings().isEmpty()) {
        line(b, "(the fixture expects " + rule.id()
            + " here, but the rule does not fire on it: 'shipcheck test' reports this fixture as failing)");
      }
      for (Finding f : ex.findings()) {
        line(b, ex.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().label() + " " + f.rule() + " "
            + f.message() + (f.path().isEmpty() ? "" : " [" + f.path() + "]"));
        if (f.hint() != null) {
          line(b, "    hint: " + f.hint());
        }
      }
    }
    out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.flush();
    return ExitCode.OK.code;
  }

  private static void row(StringBuilder b, String label, String value) {
    line(b, String.format("  %-10s %s", label, value));
  }

  /**
   * One line of the explanation. The pack's metadata and its fixtures (lines and the values the
   * findings quote) may come from anyone's repository: shown through {@link Display#safe}.
   */
  private static void line(StringBuilder b, String text) {
    b.append(Display.safe(text)).append('\n');
  }

  /** What each basis means (domain brief). */
  static String basisMeaning(String basis) {
    return switch (basis) {
      case "fact" -> "reported by a named public source";
      case "approx" -> "a fact whose exact date or figure the sources do not give";
      case "model" -> "a modelling choice of this project where no source gives the figure";
      default -> "unknown basis";
    };
  }
}
