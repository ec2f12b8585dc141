package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipcheck explain}: metadata, DRL location and a failing example taken from the fixtures.
 */
class ExplainCommandTest {
  static final String EXAMPLE_PACK = "src/test/resources/example-pack";

  @Test
  void explainsARuleOfACustomPackWithItsFixtureAsTheExample() throws Exception {
    Cli.Run r = Cli.run("explain", "COMPANY-001", "--rules", EXAMPLE_PACK);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    Golden.assertMatches("explain-company-001.txt", r.out());
  }

  @Test
  void explainsABundledRule() {
    Cli.Run r = Cli.run("explain", "ACCESS-003");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().startsWith("ACCESS-003: The product's form is admitted by its protocol\n"),
        r.out());
    assertTrue(r.out().contains("  reads      rules/data/products.yaml\n"), r.out());
    assertTrue(r.out().matches("(?s).*  defined    rules/access\\.drl:\\d+\n.*"), r.out());
    assertTrue(r.out().contains("Failing example: rules/tests/"), r.out());
    // the marked line carries the expect comment, and the finding the rule gives follows
    assertTrue(r.out().matches("(?s).*\n> *\\d+ \\| [^\n]*# expect: [^\n]*ACCESS-003.*"), r.out());
    assertTrue(
        r.out()
            .matches("(?s).*: error ACCESS-003 [^\n]*\\[items\\[\\d+\\]\\.form\\]\n    hint: .*"),
        r.out());
  }

  @Test
  void idsAreMatchedWhateverTheirCase() {
    Cli.Run r = Cli.run("explain", "company-001", "--rules", EXAMPLE_PACK);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("COMPANY-001: "), r.out());
  }

  @Test
  void builtInChecksAreExplainedToo() {
    Cli.Run r = Cli.run("explain", "INPUT-TYPE");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("  defined    built into the reader: a document that fails it is invalid"),
        r.out());
    assertTrue(r.out().contains("  reads      no reference data\n"), r.out());
    assertTrue(r.out().contains(": error INPUT-TYPE "), r.out());
  }

  @Test
  void aRuleWithoutAFixtureSaysSo() {
    Cli.Run r = Cli.run("explain", "INPUT-EMPTY", "--rules", EXAMPLE_PACK);
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .endsWith(
                "Failing example: none. No fixture under "
                    + EXAMPLE_PACK
                    + "/tests expects INPUT-EMPTY; add one with '# expect: INPUT-EMPTY' on the offending line.\n"),
        r.out());
  }

  @Test
  void theExampleIsTheSmallestDocumentAndALaterDocumentIsNamed(@TempDir Path dir) throws Exception {
    Path pack = dir.resolve("pack");
    copy(Path.of(EXAMPLE_PACK), pack);
    Files.writeString(
        pack.resolve("tests/company/more.yaml"),
        """
        id: BIG-1
        shipDate: 2025-11-12
        exporter: {name: Ishim Grain LLP, bin: "240140009005"}
        consignee: {name: Urumqi Grain Import Co., country: CN}
        transport: {mode: rail, borderCrossing: dostyk-alashankou}
        items:
          - product: wheat
            productionDate: 2025-01-01   # expect: COMPANY-001
        ---
        id: SMALL-1
        shipDate: 2025-11-12
        exporter: {name: Ishim Grain LLP, bin: "240140009005"}
        items: [{product: wheat, productionDate: 2025-01-02}]   # expect: COMPANY-001
        """);
    Cli.Run r = Cli.run("explain", "COMPANY-001", "--rules", pack.toString());
    assertEquals(0, r.code(), r.err());
    String file = pack + "/tests/company/more.yaml";
    assertTrue(
        r.out()
            .contains(
                "Failing example: "
                    + file
                    + " (document 2)\n"
                    + "  10 | id: SMALL-1\n"
                    + "  11 | shipDate: 2025-11-12\n"
                    + "  12 | exporter: {name: Ishim Grain LLP, bin: \"240140009005\"}\n"
                    + "> 13 | items: [{product: wheat, productionDate: 2025-01-02}]   # expect: COMPANY-001\n"
                    + "\n"
                    + file
                    + ":13:"),
        r.out());
  }

  @Test
  void anUnknownIdIsAUsageErrorWithDidYouMean() {
    Cli.Run r = Cli.run("explain", "ACESS-003");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals(
        "error: unknown rule 'ACESS-003'; did you mean ACCESS-003? ('shipcheck rules' lists every rule)\n",
        r.err());

    r = Cli.run("explain", "ZZZ-999");
    assertEquals(2, r.code());
    assertEquals("error: unknown rule 'ZZZ-999' ('shipcheck rules' lists every rule)\n", r.err());

    r = Cli.run("explain");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: Missing required parameter: 'RULE-ID'"), r.err());
  }

  @Test
  void hasHelp() {
    Cli.Run r = Cli.run("explain", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage: shipcheck explain"), r.out());
  }

  static void copy(Path from, Path to) throws Exception {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
