package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlNode.ScalarType;
import kz.shipcheck.yaml.YamlReader;
import org.junit.jupiter.api.Test;

/**
 * An empty plain value is null (absent), a quoted '' is text: the required fields of
 * docs/declaration-format.md.
 */
class EmptyValueTest {
  @Test
  void anEmptyPlainValueIsNullAndAQuotedOneIsText() throws Exception {
    MapNode m =
        (MapNode)
            new YamlReader(InputLimits.defaults())
                .parse(YamlReader.split("a:\nb: ''\nc: \"\"\nd: ~\n").get(0));
    assertEquals(ScalarType.NULL, ((Scalar) m.get("a")).type());
    assertEquals(ScalarType.STRING, ((Scalar) m.get("b")).type());
    assertEquals(ScalarType.STRING, ((Scalar) m.get("c")).type());
    assertEquals(ScalarType.NULL, ((Scalar) m.get("d")).type());
  }

  @Test
  void aRequiredFieldLeftEmptyMakesTheDeclarationInvalid() {
    List<ReadDocument> docs =
        new DeclarationReader(InputLimits.defaults(), null)
            .readBytes(
                "t.yaml",
                """
        id:
        shipDate: 2025-11-12
        exporter: {name: Ertis Pork LLP, bin: "190640005554"}
        items: [{product: pork, form: }]
        """
                    .getBytes(StandardCharsets.UTF_8));
    assertEquals(1, docs.get(0).problems().size(), docs.get(0).problems().toString());
    InputProblem p = docs.get(0).problems().get(0);
    assertEquals("INPUT-REQUIRED", p.rule());
    assertEquals("id", p.path());
  }

  @Test
  void anOptionalFieldLeftEmptyIsAbsent() {
    List<ReadDocument> docs =
        new DeclarationReader(InputLimits.defaults(), null)
            .readBytes(
                "t.yaml",
                """
        id: X-1
        shipDate: 2025-11-12
        exporter: {name: Ertis Pork LLP, bin: "190640005554"}
        items:
          - product: pork
            form:
        """
                    .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), docs.get(0).problems());
    assertEquals(null, docs.get(0).declaration().getItems().get(0).getForm());
  }
}
