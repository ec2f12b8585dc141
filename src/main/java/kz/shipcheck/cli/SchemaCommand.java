package kz.shipcheck.cli;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.shipcheck.input.JsonSchema;
import kz.shipcheck.input.Schema;
import kz.shipcheck.pack.Crossing;
import kz.shipcheck.pack.Laboratory;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck schema}: the declaration format as a JSON Schema, for editors. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Print a JSON Schema of the declaration format, for editors.",
    description = {
      "Print a JSON Schema (draft 2020-12) of the declaration format, generated from the format the"
          + " reader checks: the same keys (no others), required fields and types, with each field's"
          + " description.",
      "Values the declaration format lists (forms, certificate types, currencies, ...) and the"
          + " rule pack's keys (admitted products, regions, border crossings, laboratories) are"
          + " offered as examples for completion; they are not enforced, as the reader does not"
          + " enforce them either.",
      "For completion and red underlines in an editor with yaml-language-server (VS Code: the"
          + " Red Hat YAML extension), save the schema and name it on a declaration's first line:",
      "  shipcheck schema > declaration.schema.json",
      "  # yaml-language-server: $schema=declaration.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin PackOptions pack;

  @Override
  public Integer call() throws Exception {
    ReferenceData data = pack.data(pack.files());
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put(
        Schema.PRODUCTS,
        data.products().stream().filter(Product::admitted).map(Product::key).toList());
    keys.put(Schema.REGIONS, data.regions().stream().map(Region::key).toList());
    keys.put(Schema.CROSSINGS, data.crossings().stream().map(Crossing::key).toList());
    keys.put(Schema.LABORATORIES, data.laboratories().stream().map(Laboratory::key).toList());
    main.io.out().write(JsonSchema.render(keys).getBytes(StandardCharsets.UTF_8));
    main.io.out().flush();
    return ExitCode.OK.code;
  }
}
