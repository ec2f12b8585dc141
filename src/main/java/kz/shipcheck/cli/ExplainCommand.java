package kz.shipcheck.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.fixture.Examples;
import kz.shipcheck.input.Suggest;
import kz.shipcheck.pack.PackFiles;
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
    b.append(rule.id()).append(": ").append(rule.title()).append("\n\n");
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
      b.append("Failing example: none. No fixture under ").append(files.display("tests"))
          .append(" expects ").append(rule.id()).append("; add one with '# expect: ").append(rule.id())
          .append("' on the offending line.\n");
    } else {
      b.append("Failing example: ").append(ex.file())
          .append(ex.document() > 1 ? " (document " + ex.document() + ")" : "").append('\n');
      int width = String.valueOf(ex.lines().get(ex.lines().size() - 1).number()).length();
      for (Examples.Line l : ex.lines()) {
        b.append(l.marked() ? "> " : "  ")
            .append(String.format("%" + width + "d", l.number())).append(" | ").append(l.text()).append('\n');
      }
      b.append('\n');
      if (ex.findings().isEmpty()) {
        b.append("(the fixture expects ").append(rule.id())
            .append(" here, but the rule does not fire on it: 'shipcheck test' reports this fixture as failing)\n");
      }
      for (Finding f : ex.findings()) {
        b.append(ex.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
            .append(f.severity().label()).append(' ').append(f.rule()).append(' ').append(f.message());
        if (!f.path().isEmpty()) {
          b.append(" [").append(f.path()).append(']');
        }
        b.append('\n');
        if (f.hint() != null) {
          b.append("    hint: ").append(f.hint()).append('\n');
        }
      }
    }
    out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.flush();
    return ExitCode.OK.code;
  }

  private static void row(StringBuilder b, String label, String value) {
    b.append(String.format("  %-10s %s", label, value)).append('\n');
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
