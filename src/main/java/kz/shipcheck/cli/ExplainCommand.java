package kz.shipcheck.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kz.shipcheck.engine.Args;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.engine.Text;
import kz.shipcheck.fixture.Examples;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.report.Display;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.yaml.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shipcheck explain RULE-ID}: one rule's metadata, where it lives, and a failing example.
 */
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

  @Parameters(
      paramLabel = "RULE-ID",
      description = "the rule's id, e.g. ACCESS-003 (case does not matter)")
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
      throw new UsageException(
          "unknown rule '"
              + id
              + "'"
              + (near != null ? "; did you mean " + near + "?" : "")
              + " ('shipcheck rules' lists every rule)");
    }
    PrintStream out = main.io.out();
    Text t = p.text();
    StringBuilder b = new StringBuilder();
    line(b, rule.id() + ": " + rule.title());
    b.append('\n');
    row(
        b,
        t.render("ui.explain.severity", Args.none()),
        rule.severity().label()
            + " ("
            + t.render("ui.severity.effect", Args.of("severity", rule.severity().label()))
            + ")");
    row(
        b,
        t.render("ui.explain.basis", Args.none()),
        rule.basis() + " (" + t.render("ui.basis.meaning", Args.of("basis", rule.basis())) + ")");
    row(b, t.render("ui.explain.reference", Args.none()), rule.reference());
    row(
        b,
        t.render("ui.explain.reads", Args.none()),
        rule.data().isEmpty()
            ? t.render("ui.explain.noData", Args.none())
            : String.join(", ", rule.data().stream().map(files::display).toList()));
    if (rule.file().equals(BUILT_IN)) {
      row(
          b,
          t.render("ui.explain.defined", Args.none()),
          t.render(
              rule.id().startsWith("INPUT-")
                  ? "ui.explain.builtInReader"
                  : "ui.explain.builtInBatch",
              Args.none()));
    } else {
      row(
          b,
          t.render("ui.explain.defined", Args.none()),
          files.display(rule.file()) + ":" + rule.line());
    }
    b.append('\n');
    Examples.Example ex = Examples.find(files, p, rule.id());
    if (ex == null) {
      line(
          b,
          t.render(
              "ui.explain.noExample",
              Args.of("folder", files.display("tests"), "rule", rule.id())));
    } else {
      line(
          b,
          t.render(
              "ui.explain.example",
              Args.of(
                  "file",
                  ex.file(),
                  "document",
                  ex.document() > 1 ? String.valueOf(ex.document()) : null)));
      int width = String.valueOf(ex.lines().get(ex.lines().size() - 1).number()).length();
      for (Examples.Line l : ex.lines()) {
        // a CRLF file's lines end in \r: part of the line break, not of the text to show
        String text =
            l.text().endsWith("\r") ? l.text().substring(0, l.text().length() - 1) : l.text();
        line(
            b,
            (l.marked() ? "> " : "  ")
                + String.format("%" + width + "d", l.number())
                + " | "
                + text);
      }
      b.append('\n');
      if (ex.findings().isEmpty()) {
        line(b, t.render("ui.explain.notFiring", Args.of("rule", rule.id())));
      }
      for (Finding f : ex.findings()) {
        line(
            b,
            ex.file()
                + ":"
                + f.line()
                + ":"
                + f.column()
                + ": "
                + f.severity().label()
                + " "
                + f.rule()
                + " "
                + f.message()
                + (f.path().isEmpty() ? "" : " [" + f.path() + "]"));
        if (f.hint() != null) {
          line(b, "    " + t.render("ui.hint", Args.none()) + ": " + f.hint());
        }
      }
    }
    out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.flush();
    return ExitCode.OK.code;
  }

  /** A label, padded to ten characters, and its value. */
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
}
