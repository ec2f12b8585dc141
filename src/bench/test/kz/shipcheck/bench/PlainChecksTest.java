package kz.shipcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.shipcheck.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's baseline does the same work as the engine: with a pack of only the 15 rules it
 * implements, shipcheck's jsonl report and the baseline's are the same, byte for byte, over the
 * example declarations, every rule fixture and a generated batch that makes each of the 15 fire.
 * When a rule's wording changes in the DRL, this test names the finding, and PlainChecks follows.
 */
class PlainChecksTest {
  @TempDir Path tmp;

  @Test
  void theBaselineReportsWhatTheEngineReportsWithTheSameRules() throws Exception {
    Set<String> ids = PlainChecks.ruleIds();
    Path pack = tmp.resolve("rules-same");
    assertEquals(ids.size(), PackMultiplier.multiply(Path.of("rules"), 1, ids, pack));
    Path generated = tmp.resolve("generated");
    new DeclarationGenerator(Path.of("rules"), 7).write(1500, generated);
    List<String> paths = List.of("shipments", "rules/tests", generated.toString());

    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                "--rules",
                pack.toString(),
                "--no-cache",
                "--format",
                "jsonl",
                "--quiet",
                "--fail-on",
                "never",
                "--jobs",
                "2"));
    args.addAll(paths);
    Cli.Run engine = Cli.run(args.toArray(String[]::new));
    assertEquals(0, engine.code(), engine.err());

    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    PlainChecker.check(null, null, false, 2, paths, plain);

    List<String> expected = engine.out().lines().toList();
    List<String> actual = plain.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(expected.size() > 1000, "declarations: " + expected.size());
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail(
            "result "
                + (i + 1)
                + " differs\nshipcheck: "
                + expected.get(i)
                + "\nbaseline:  "
                + actual.get(i));
      }
    }
    assertEquals(expected.size(), actual.size());
    for (String id : ids) {
      assertTrue(
          engine.out().contains("\"rule\":\"" + id + "\""),
          id + " never fired: the comparison does not cover it");
    }
  }

  @Test
  void anIdOfNoRuleIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PackMultiplier.multiply(
                    Path.of("rules"), 1, Set.of("ACCESS-001", "NOPE-404"), tmp.resolve("x")));
    assertTrue(e.getMessage().contains("NOPE-404"), e.getMessage());
  }
}
