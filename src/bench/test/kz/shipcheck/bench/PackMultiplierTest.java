package kz.shipcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A multiplied pack loads and reports each finding once per copy of its rule. */
class PackMultiplierTest {
  @TempDir Path tmp;

  @Test
  void eachRuleFiresOncePerCopy() throws Exception {
    Path pack = tmp.resolve("rules-x3");
    int rules = PackMultiplier.multiply(Path.of("rules"), 3, pack);
    assertTrue(rules > 30, "rules found: " + rules);
    assertTrue(Files.isRegularFile(pack.resolve("data/register.csv")));
    assertTrue(Files.isDirectory(pack.resolve("tests")));

    String shipment = "shipments/pork-heat-treated-underprocessed-fail.yaml";
    List<String> once = ruleIds(Cli.run("check", shipment, "--format", "jsonl", "--quiet"));
    List<String> thrice =
        ruleIds(
            Cli.run(
                "check",
                shipment,
                "--rules",
                pack.toString(),
                "--no-cache",
                "--format",
                "jsonl",
                "--quiet"));
    assertFalse(once.isEmpty());
    List<String> expected = new ArrayList<>();
    for (String id : once) {
      expected.addAll(List.of(id, id + "-X2", id + "-X3"));
    }
    assertEquals(expected.stream().sorted().toList(), thrice.stream().sorted().toList());
  }

  private static List<String> ruleIds(Cli.Run run) throws Exception {
    assertEquals(1, run.code(), run.err());
    JsonNode r = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
    assertEquals("fail", r.get("outcome").asText());
    List<String> ids = new ArrayList<>();
    r.get("findings").forEach(f -> ids.add(f.get("rule").asText()));
    return ids;
  }
}
