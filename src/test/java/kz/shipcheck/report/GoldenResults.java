package kz.shipcheck.report;

import java.math.BigDecimal;
import java.util.List;
import kz.shipcheck.engine.Args;
import kz.shipcheck.engine.Messages;
import kz.shipcheck.engine.Text;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.DeclarationResult.Facts;
import kz.shipcheck.result.DeclarationResult.Money;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
import kz.shipcheck.result.Summary;
import kz.shipcheck.result.Waived;

/**
 * The fixed batch every report format is rendered from in the golden tests. It is written out by
 * hand, not produced by the rule pack, so that a reworded rule message never changes a golden file:
 * these files pin how each format renders, the end-to-end tests pin what the rules find. It holds
 * every case a renderer must handle: a pass, a fail with a warning, a multi-document file with a
 * duplicate id, a waived finding (one on a declaration that passes because of it), an invalid file,
 * an empty file, characters that need escaping in every format (quotes, commas, colons, percent
 * signs, angle brackets, ampersands, a newline), and a declaration id that a spreadsheet would take
 * for a formula.
 */
final class GoldenResults {
  private GoldenResults() {}

  static final String VERSION = "1.2.3";

  /** A fixed pack: the golden files must not change whenever the real pack's data does. */
  static final PackId PACK =
      new PackId(
          "golden-pack",
          "2026.1.0",
          java.time.LocalDate.of(2026, 1, 15),
          "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

  static final List<RuleInfo> CATALOGUE =
      List.of(
          rule(
              "ACCESS-002",
              Severity.ERROR,
              "Product admitted on the ship date",
              "GACC access list",
              "fact",
              "access.drl",
              29),
          rule(
              "ACCESS-003",
              Severity.ERROR,
              "Form admitted for the product",
              "Veterinary protocol on pork (2025)",
              "fact",
              "access.drl",
              49),
          new RuleInfo(
              "BATCH-001",
              Severity.ERROR,
              "Declaration ids are unique within a batch",
              "shipcheck declaration format (docs/declaration-format.md)",
              "model",
              List.of(),
              "(built in)",
              0),
          rule(
              "HS-001",
              Severity.ERROR,
              "HS code within the product's headings",
              "GACC access list & HS 2022",
              "approx",
              "access.drl",
              69),
          new RuleInfo(
              "INPUT-EMPTY",
              Severity.ERROR,
              "The file holds at least one declaration",
              "shipcheck declaration format (docs/declaration-format.md)",
              "model",
              List.of(),
              "(built in)",
              0),
          new RuleInfo(
              "INPUT-SYNTAX",
              Severity.ERROR,
              "The document is valid YAML",
              "shipcheck declaration format (docs/declaration-format.md)",
              "model",
              List.of(),
              "(built in)",
              0),
          rule(
              "LABEL-001",
              Severity.WARNING,
              "Chinese label on pre-packaged food",
              "GB 7718-2011 <labels>",
              "model",
              "labels.drl",
              12),
          rule(
              "REG-004",
              Severity.ERROR,
              "Establishment registered for the product",
              "GACC register of foreign establishments",
              "fact",
              "register.drl",
              65));

  private static RuleInfo rule(
      String id, Severity s, String title, String ref, String basis, String file, int line) {
    return new RuleInfo(id, s, title, ref, basis, List.of("data/products.yaml"), file, line);
  }

  static final Waived WAIVER =
      new Waived(
          "importer holds special permit No. 77, \"cold chain\" route",
          "2026-06-30",
          "compliance@exporter.kz");

  static List<DeclarationResult> results() {
    return List.of(
        new DeclarationResult(
            "shipments/wheat.yaml",
            1,
            "KZ-CN-2025-000101",
            Outcome.PASS,
            List.of(),
            new Facts(
                List.of("wheat"),
                "dostyk-alashankou",
                List.of(new Money(new BigDecimal("15600"), "USD")))),
        new DeclarationResult(
            "shipments/pork.yaml",
            1,
            "KZ-CN-2025-000187",
            Outcome.FAIL,
            List.of(
                new Finding(
                    "ACCESS-003",
                    Severity.ERROR,
                    "pork in form 'chilled' is not admitted; admitted forms: frozen, offal",
                    "items[0].form",
                    18,
                    11,
                    "Veterinary protocol on pork (2025)",
                    "fact",
                    "ship it frozen or choose an admitted form",
                    null),
                new Finding(
                    "REG-004",
                    Severity.ERROR,
                    "establishment 'KZ-EST-0042' is listed for pork only from 2025-10-20, after the ship date 2025-10-01",
                    "items[0].establishment",
                    22,
                    20,
                    "GACC register of foreign establishments",
                    "fact",
                    "ship on or after 2025-10-20",
                    null),
                new Finding(
                    "LABEL-001",
                    Severity.WARNING,
                    "no Chinese label on pre-packaged pork: 100% of retail packs need one",
                    "items[0].packaging.chineseLabel",
                    27,
                    21,
                    "GB 7718-2011 <labels>",
                    "model",
                    null,
                    null)),
            new Facts(
                List.of("pork"),
                "dostyk-alashankou",
                List.of(new Money(new BigDecimal("98000000"), "KZT")))),
        new DeclarationResult(
            "shipments/month 11/mixed, \"A&B\".yaml",
            1,
            "KZ-CN-2025-000200",
            Outcome.FAIL,
            List.of(
                new Finding(
                        "ACCESS-002",
                        Severity.ERROR,
                        "rice is not on the access list: planned for 2026, and planned is not admitted",
                        "items[0].product",
                        12,
                        14,
                        "GACC access list",
                        "fact",
                        null,
                        null)
                    .withWaiver(WAIVER),
                new Finding(
                    "HS-001",
                    Severity.ERROR,
                    "HS code \"0203.29\" is not a heading of barley: expected 1003 <&> 10:03, 50%\nsee the access list",
                    "items[1].hsCode",
                    16,
                    13,
                    "GACC access list & HS 2022",
                    "approx",
                    "use 1003.xx",
                    null)),
            new Facts(
                List.of("rice", "barley"),
                "nur-zholy-khorgos",
                List.of(
                    new Money(new BigDecimal("120000"), "CNY"),
                    new Money(new BigDecimal("5000"), "USD")))),
        new DeclarationResult(
            "shipments/month 11/mixed, \"A&B\".yaml",
            2,
            "KZ-CN-2025-000200",
            Outcome.FAIL,
            List.of(
                new Finding(
                    "BATCH-001",
                    Severity.ERROR,
                    "declaration id 'KZ-CN-2025-000200' was already used earlier in this batch",
                    "id",
                    31,
                    5,
                    "shipcheck declaration format (docs/declaration-format.md)",
                    "model",
                    "give every declaration its own id",
                    null)),
            new Facts(
                List.of("barley"),
                "nur-zholy-khorgos",
                List.of(new Money(new BigDecimal("2500000"), "KZT")))),
        new DeclarationResult(
            "shipments/month 11/mixed, \"A&B\".yaml",
            3,
            "=HYPERLINK(\"http://x\")",
            Outcome.PASS,
            List.of(
                new Finding(
                        "ACCESS-002",
                        Severity.ERROR,
                        "beef in form 'chilled' is not admitted",
                        "items[0].form",
                        52,
                        11,
                        "GACC access list",
                        "fact",
                        null,
                        null)
                    .withWaiver(WAIVER)),
            new Facts(
                List.of("beef", "lamb"),
                "nur-zholy-khorgos",
                List.of(new Money(new BigDecimal("40000"), "XXX")))),
        new DeclarationResult(
            "incoming/broken.yaml",
            1,
            null,
            Outcome.INVALID,
            List.of(
                new Finding(
                    "INPUT-SYNTAX",
                    Severity.ERROR,
                    "not valid YAML: mapping values are not allowed here",
                    "",
                    3,
                    5,
                    "shipcheck declaration format (docs/declaration-format.md)",
                    "model",
                    null,
                    null)),
            Facts.NONE),
        new DeclarationResult(
            "incoming/empty.yaml",
            1,
            null,
            Outcome.INVALID,
            List.of(
                new Finding(
                    "INPUT-EMPTY",
                    Severity.ERROR,
                    "the file holds no declaration",
                    "",
                    1,
                    1,
                    "shipcheck declaration format (docs/declaration-format.md)",
                    "model",
                    null,
                    null)),
            Facts.NONE));
  }

  static final WaiverNotes WAIVER_NOTES =
      new WaiverNotes(
          List.of(
              new WaiverNotes.Entry(
                  "ACCESS-003",
                  "KZ-CN-2024-*",
                  null,
                  "old permit, \"temporary\"",
                  "2025-01-31",
                  "compliance@exporter.kz",
                  7)),
          List.of(
              new WaiverNotes.Entry(
                  "REG-004",
                  "KZ-CN-2025-000999",
                  "items[0].establishment",
                  "register update pending",
                  "2026-06-30",
                  "qa@exporter.kz",
                  14)));

  static Summary summary() {
    Summary s = new Summary();
    results().forEach(s::add);
    return s;
  }

  static ReportContext context() {
    return new ReportContext(VERSION, CATALOGUE, PACK, FailOn.ERROR, "en", words("en"));
  }

  /** The tool's words in a language, rendered where the command line renders them. */
  static Words words(String lang) {
    Text text = Messages.bundled().in(lang);
    return (key, args) -> text.render(key, Args.from(args));
  }
}
