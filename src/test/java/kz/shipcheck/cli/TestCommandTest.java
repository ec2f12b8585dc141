package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipcheck test}: fixtures against a pack, text and junit output, exit codes. */
class TestCommandTest {
  static final String EXAMPLE_PACK = "src/test/resources/example-pack";
  static final String RUN = "src/test/resources/fixture-run";

  @Test
  void theBundledPacksFixturesAllMatch() {
    Cli.Run r = Cli.run("test");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("ok    rules/tests/access/pass-wheat.yaml"), r.out());
    assertTrue(r.out().contains(" did not match\ncoverage: "), r.out());
  }

  @Test
  void aCustomPackIsTestedFromItsOwnTestsFolder() {
    Cli.Run r = Cli.run("test", "--rules", EXAMPLE_PACK);
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(
        "ok    "
            + EXAMPLE_PACK
            + "/tests/company/fail-old-stock.yaml\n"
            + "ok    "
            + EXAMPLE_PACK
            + "/tests/company/pass-fresh.yaml\n"
            + "\n2 fixtures: 2 matched, 0 did not match\n"
            + "coverage: every rule of the pack fires in some fixture\n",
        r.out());
    assertEquals("", r.err());
  }

  @Test
  void mismatchesFailWithExitOneAndSayWhatDiffers() throws Exception {
    Cli.Run r = Cli.run("test", "--rules", EXAMPLE_PACK, RUN);
    assertEquals(1, r.code(), r.err());
    Golden.assertMatches("test-fixture-run.txt", r.out());
  }

  @Test
  void junitOutputMatchesItsGoldenFile() throws Exception {
    Cli.Run r = Cli.run("test", "--rules", EXAMPLE_PACK, RUN, "--format", "junit");
    assertEquals(1, r.code(), r.err());
    Golden.assertMatches("test-fixture-run.junit.xml", r.out());
  }

  @Test
  void expectPassFailsWhenTheFixtureHasFindings(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("says-pass.yaml"),
        """
        # expect: pass
        id: T-1
        shipDate: 2025-11-12
        exporter: {name: Ishim Grain LLP, bin: "240140009005"}
        items:
          - {product: wheat, productionDate: 2025-01-01}
        """);
    Cli.Run r = Cli.run("test", "--rules", EXAMPLE_PACK, dir.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("unexpected  line 6: COMPANY-001 produced on 2025-01-01"), r.out());
  }

  @Test
  void aFixtureWithoutExpectCommentsMustPassToo(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("silent.yaml"),
        """
        id: T-2
        shipDate: 2025-11-12
        exporter: {name: Ishim Grain LLP, bin: "240140009005"}
        items:
          - {product: wheat, productionDate: 2025-01-01}
        """);
    Cli.Run r = Cli.run("test", "--rules", EXAMPLE_PACK, dir.resolve("silent.yaml").toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().startsWith("FAIL  " + dir.resolve("silent.yaml")), r.out());
  }

  @Test
  void severalIdsOnOneLineAreSeveralExpectations(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("two.yaml"),
        """
        id: T-3
        shipDate: 2025-11-12
        exporter: {name: Ishim Grain LLP, bin: "240140009005"}
        items:
          - {product: wheat, productionDate: 2025-01-01, hscode: "1001"}   # expect: COMPANY-001, INPUT-UNKNOWN-KEY
        """);
    Cli.Run r = Cli.run("test", "--rules", EXAMPLE_PACK, dir.toString());
    // the document is invalid, so its rules never run: COMPANY-001 is missing
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("missing     line 5: COMPANY-001"), r.out());
    assertTrue(!r.out().contains("unexpected"), r.out());
  }

  @Test
  void usageErrorsExitTwoWithOneLine(@TempDir Path empty) {
    Cli.Run r = Cli.run("test", "--format", "xml");
    assertEquals(2, r.code());
    assertEquals("error: --format: unknown format 'xml' (text, junit)\n", r.err());

    r = Cli.run("test", "no/such/folder");
    assertEquals(2, r.code());
    assertEquals("error: no/such/folder: no such fixture folder or file\n", r.err());

    r = Cli.run("test", "--rules", EXAMPLE_PACK, empty.toString());
    assertEquals(2, r.code());
    assertEquals("error: " + empty + ": no fixtures (*.yaml, *.yml) found\n", r.err());

    r = Cli.run("test", "--rules", "no/such/pack");
    assertEquals(2, r.code());
    assertEquals(
        "error: no/such/pack/tests: no such fixture folder (give the fixture folder as DIR)\n",
        r.err());
  }

  @Test
  void helpDescribesTheExpectComments() {
    Cli.Run r = Cli.run("test", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("expect: pass"), r.out());
    assertTrue(r.out().contains("Exit codes:"), r.out());
  }
}
