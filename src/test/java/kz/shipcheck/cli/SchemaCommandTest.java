package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code shipcheck schema} is kept true: the schema is valid draft 2020-12, it accepts every
 * declaration the reader accepts (shipments/, the fixtures) and rejects what the reader rejects.
 */
class SchemaCommandTest {
  static JsonNode schemaJson;
  static Schema schema;

  /** Every readable declaration we have: examples and fixtures. */
  static final List<Path> DOCUMENT_FOLDERS =
      List.of(Path.of("shipments"), Path.of("rules", "tests"), Path.of("src", "test", "resources"));

  @BeforeAll
  static void load() throws Exception {
    Cli.Run r = Cli.run("schema");
    assertEquals(0, r.code(), r.err());
    schemaJson = new ObjectMapper().readTree(r.out());
    schema = validator(r.out());
  }

  /** A 2020-12 validator with format assertions on, so that 2025-02-30 fails "format": "date". */
  static Schema validator(String schemaText) {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    return registry.getSchema(schemaText);
  }

  @Test
  void isAValidDraft202012Schema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    List<Error> errors = meta.validate(schemaJson);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    assertEquals(
        "https://json-schema.org/draft/2020-12/schema", schemaJson.get("$schema").asText());
  }

  @Test
  void describesEveryFieldAndClosesEveryMapping() {
    List<String> problems = new ArrayList<>();
    walk(schemaJson, "", problems);
    assertEquals(List.of(), problems);
    assertEquals(
        "[\"id\",\"shipDate\",\"exporter\",\"items\"]", schemaJson.get("required").toString());
    JsonNode item = schemaJson.at("/properties/items/items");
    assertEquals("[\"product\"]", item.get("required").toString());
    assertEquals(1, schemaJson.at("/properties/items/minItems").asInt());
    assertEquals("date", schemaJson.at("/properties/shipDate/format").asText());
    // closed lists are suggestions, not enums: the reader does not enforce them
    assertTrue(item.at("/properties/form/examples").toString().contains("\"heat-treated\""));
    assertTrue(item.at("/properties/product/examples").toString().contains("\"pork\""));
    assertFalse(schemaJson.toString().contains("\"enum\""));
  }

  private static void walk(JsonNode node, String path, List<String> problems) {
    if (node.has("properties")) {
      if (!node.path("additionalProperties").isBoolean()
          || node.get("additionalProperties").asBoolean()) {
        problems.add(path + ": additionalProperties must be false");
      }
      node.get("properties")
          .properties()
          .forEach(
              e -> {
                if (!e.getValue().hasNonNull("description")) {
                  problems.add(path + "/" + e.getKey() + ": no description");
                }
                walk(e.getValue(), path + "/" + e.getKey(), problems);
              });
    }
    if (node.has("items")) {
      walk(node.get("items"), path + "[]", problems);
    }
  }

  @Test
  void acceptsExactlyTheDocumentsTheReaderAccepts() throws Exception {
    DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);
    YamlReader yaml = new YamlReader(InputLimits.defaults());
    List<String> disagreements = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (Path file : yamlFiles()) {
      byte[] bytes = Files.readAllBytes(file);
      List<ReadDocument> docs = reader.readBytes(file.toString(), bytes);
      List<YamlReader.Segment> segments;
      try {
        // only a leading byte-order mark is dropped (as the reader does); one inside is text
        segments =
            YamlReader.split(new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
      } catch (RuntimeException e) {
        continue;
      }
      for (int i = 0; i < docs.size() && i < segments.size(); i++) {
        JsonNode json;
        try {
          json = YamlJson.of(yaml.parse(segments.get(i)));
        } catch (InputProblem p) {
          continue; // not YAML data at all (syntax, tags, aliases, duplicate keys): no editor value
          // either
        }
        boolean readerOk = docs.get(i).isValid();
        if (!readerOk
            && docs.get(i).problems().stream()
                .allMatch(
                    p ->
                        p.getMessage().contains("which is not a plain decimal number")
                            || p.getMessage().contains("decimal places"))) {
          // 0x1F is a number to JSON as to YAML; only its spelling is refused, which JSON cannot
          // see.
          // Nor can an editor check a limit of decimal places exactly (multipleOf is floating
          // point)
          continue;
        }
        List<Error> errors = schema.validate(json);
        if (readerOk) {
          valid++;
        } else {
          invalid++;
        }
        if (readerOk != errors.isEmpty()) {
          disagreements.add(
              file
                  + " document "
                  + (i + 1)
                  + ": reader "
                  + (readerOk
                      ? "accepts"
                      : "rejects "
                          + docs.get(i).problems().stream().map(InputProblem::getMessage).toList())
                  + ", schema "
                  + (errors.isEmpty() ? "accepts" : "rejects " + errors));
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(valid >= 15, "valid documents compared: " + valid);
    assertTrue(invalid >= 5, "invalid documents compared: " + invalid);
  }

  /** Every *.yaml under the example and fixture folders, shipments/ included when present. */
  static List<Path> yamlFiles() throws Exception {
    List<Path> out = new ArrayList<>();
    for (Path dir : DOCUMENT_FOLDERS) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .filter(
                p ->
                    !p.toString().contains("example-pack/data")
                        && !p.toString().contains("waivers"))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  static final String GOOD =
      """
      id: KZ-CN-2025-000187
      shipDate: 2025-11-12
      exporter:
        name: Ertis Pork LLP
        bin: "190640005554"
      items:
        - product: pork
          form: frozen
          storageTemperatureC: -20
      certificates:
        - {type: veterinary, issuedOn: 2025-11-10, covers: [0]}
      """;

  @Test
  void theBaseDocumentIsValidForBoth() throws Exception {
    assertAgree(GOOD, true);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // unknown keys, at the top and nested
        "shipDate: 2025-11-12|shipdate: 2025-11-12",
        "    form: frozen|    form: frozen\n    colour: red",
        "  bin: \"190640005554\"|  bin: \"190640005554\"\n  phone: 1",
        // wrong types
        "    storageTemperatureC: -20|    storageTemperatureC: cold",
        "    storageTemperatureC: -20|    storageTemperatureC: \"-20\"",
        "shipDate: 2025-11-12|shipDate: [2025, 11, 12]",
        "shipDate: 2025-11-12|shipDate: 12.11.2025",
        "shipDate: 2025-11-12|shipDate: 2025-02-30",
        "covers: [0]|covers: [-1]",
        "covers: [0]|covers: 0",
        "    form: frozen|    form: frozen\n    packaging: {chineseLabel: maybe}",
        "    form: frozen|    form: [frozen]",
        "  name: Ertis Pork LLP|  name: {first: Ertis}",
        // missing required fields
        "id: KZ-CN-2025-000187\n|",
        "shipDate: 2025-11-12\n|",
        "  bin: \"190640005554\"\n|",
        "  - product: pork\n    form|  - form",
        "id: KZ-CN-2025-000187|id:",
        // no items
        "items:\n  - product: pork\n    form: frozen\n    storageTemperatureC: -20\n|items: []\n",
        "items:\n  - product: pork\n    form: frozen\n    storageTemperatureC: -20\n|items:\n",
      })
  void rejectsWhatTheReaderRejects(String edit) throws Exception {
    String[] parts = edit.split("\\|", -1);
    assertTrue(GOOD.contains(parts[0]), parts[0]);
    assertAgree(GOOD.replace(parts[0], parts[1]), false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the reader keeps a scalar's text: unquoted BINs, HS codes and ids are fine
        "  bin: \"190640005554\"|  bin: 190640005554",
        "    form: frozen|    form: frozen\n    hsCode: 0203.29",
        "id: KZ-CN-2025-000187|id: 187",
        // an optional field left empty counts as absent
        "    form: frozen|    form:",
        // values outside the format's closed lists are rule findings, not format errors
        "    form: frozen|    form: smoked",
        "type: veterinary|type: sanitary",
        "shipDate: 2025-11-12|shipDate: \"2025-11-12\"",
      })
  void acceptsWhatTheReaderAccepts(String edit) throws Exception {
    String[] parts = edit.split("\\|", -1);
    assertTrue(GOOD.contains(parts[0]), parts[0]);
    assertAgree(GOOD.replace(parts[0], parts[1]), true);
  }

  private static void assertAgree(String yamlText, boolean expected) throws Exception {
    List<ReadDocument> docs =
        new DeclarationReader(InputLimits.defaults(), null)
            .readBytes("t.yaml", yamlText.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, docs.size());
    assertEquals(
        expected, docs.get(0).isValid(), "reader on:\n" + yamlText + docs.get(0).problems());
    JsonNode json =
        YamlJson.of(
            new YamlReader(InputLimits.defaults()).parse(YamlReader.split(yamlText).get(0)));
    List<Error> errors = schema.validate(json);
    assertEquals(
        expected, errors.isEmpty(), "schema on:\n" + yamlText + "\n" + json + "\n" + errors);
  }

  @Test
  void hasHelpNamingTheEditorLine() {
    Cli.Run r = Cli.run("schema", "--help");
    assertEquals(0, r.code());
    assertTrue(
        r.out().contains("# yaml-language-server: $schema=declaration.schema.json"), r.out());
  }
}
