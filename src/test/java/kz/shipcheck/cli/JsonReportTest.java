package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The json report is complete, whether it is a few hundred bytes or many kilobytes. */
class JsonReportTest {
  @Test
  void aSmallReportIsWrittenWhole() throws Exception {
    Cli.Run run =
        Cli.run("check", "--quiet", "--format", "json", "shipments/beef-frozen-pass.yaml");
    assertEquals(0, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(1, json.get("summary").get("declarations").asInt());
    assertEquals("pass", json.get("results").get(0).get("outcome").asText());
  }

  @Test
  void aLargeReportIsWrittenWhole() throws Exception {
    Cli.Run run = Cli.run("check", "--quiet", "--format", "json", "shipments");
    assertEquals(1, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(json.get("summary").get("declarations").asInt(), json.get("results").size());
  }
}
