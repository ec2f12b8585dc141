package kz.shipcheck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.report.Catalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck rules}: the rule catalogue, from the rules' own metadata. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "List every rule of the rule pack (and the built-in input checks) from their metadata.")
final class RulesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin PackOptions pack;

  @Mixin LangOption lang;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = OptionTypes.CatalogueStyle.class,
      completionCandidates = OptionTypes.CatalogueStyle.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Catalogue.Style format;

  @Override
  public Integer call() throws Exception {
    RulePack p = pack.load();
    PrintStream out = main.io.out();
    try {
      out.write(
          Catalogue.render(
                  p.catalogue(),
                  format,
                  (key, args) -> p.text().render(key, kz.shipcheck.engine.Args.from(args)))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UsageException("cannot write the catalogue: " + e.getMessage());
    }
    out.flush();
    return ExitCode.OK.code;
  }
}
