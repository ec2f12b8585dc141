package kz.shipcheck.cli;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import kz.shipcheck.pack.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck init --product KEY}: a commented declaration template for one product. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Print a commented declaration template for one product.",
    description = {
      "Print a commented declaration template for one product: every field the product's rules"
          + " look at (its certificate and additional declaration, laboratory report, heat treatment,"
          + " storage temperature, particle size, packaging markings, HS code, a registered"
          + " establishment), filled from the rule pack's data with values that pass on the ship date.",
      "Replace the placeholders (names, numbers, weights) with the shipment's own, then check it:",
      "  shipcheck init --product pork > pork.yaml && shipcheck check pork.yaml"
    })
final class InitCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--product",
      paramLabel = "KEY",
      required = true,
      description = "product key of the access list, e.g. pork ('shipcheck schema' lists them)")
  String product;

  @Option(
      names = "--form",
      paramLabel = "FORM",
      description = "one of the product's admitted forms (default: the first its protocol lists)")
  String form;

  @Option(
      names = "--ship-date",
      paramLabel = "DATE",
      converter = OptionTypes.Date.class,
      description = "ship date of the template, yyyy-mm-dd (default: today)")
  LocalDate shipDate;

  @Mixin PackOptions pack;

  @Mixin LangOption lang;

  @Override
  public Integer call() throws Exception {
    LocalDate date = shipDate == null ? LocalDate.now() : shipDate;
    kz.shipcheck.pack.PackFiles files = pack.files();
    ReferenceData data = pack.data(files);
    String problem = DeclarationTemplate.problem(data, product, form, date);
    if (problem != null) {
      throw new UsageException(problem);
    }
    DeclarationTemplate.Template t =
        DeclarationTemplate.render(
            data,
            product,
            form,
            date,
            kz.shipcheck.engine.Messages.load(files).in(lang.language()));
    main.io.out().write(t.text().getBytes(StandardCharsets.UTF_8));
    main.io.out().flush();
    for (String gap : t.gaps()) {
      main.io
          .err()
          .println(
              "warning: "
                  + kz.shipcheck.report.Display.safe(gap)
                  + "; this template will not pass until you fill it in");
    }
    return ExitCode.OK.code;
  }
}
