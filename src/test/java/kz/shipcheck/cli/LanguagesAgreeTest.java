package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled translations over every example and rule fixture: each language finds the same things
 * at the same places as English, and says them in its own words.
 */
class LanguagesAgreeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Rule, outcome, file, path, line and column of each finding, in report order. */
  private static List<String> places(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : report.get("results")) {
      for (JsonNode f : r.get("findings")) {
        out.add(
            r.get("file").asText()
                + " "
                + r.get("outcome").asText()
                + " "
                + f.get("rule").asText()
                + " "
                + f.path("path").asText()
                + " "
                + f.path("line").asText()
                + ":"
                + f.path("column").asText());
      }
    }
    return out;
  }

  private static List<String> texts(JsonNode report, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : report.get("results")) {
      for (JsonNode f : r.get("findings")) {
        out.add(f.path(field).asText(""));
      }
    }
    return out;
  }

  private static JsonNode check(String lang) throws Exception {
    Cli.Run r =
        Cli.run(
            "check",
            "--lang",
            lang,
            "--format",
            "json",
            "--fail-on",
            "never",
            "--quiet",
            "shipments",
            "rules/tests");
    assertEquals(0, r.code(), r.err());
    return JSON.readTree(r.out());
  }

  @Test
  void everyLanguageFindsTheSameThingsAtTheSamePlacesInItsOwnWords() throws Exception {
    JsonNode en = check("en");
    List<String> places = places(en);
    assertTrue(
        places.size() > 100, "the examples and fixtures give many findings: " + places.size());
    List<String> enMessages = texts(en, "message");
    for (String lang : List.of("ru", "kk", "zh")) {
      JsonNode other = check(lang);
      assertEquals(places, places(other), lang + ": the same findings at the same places");
      List<String> messages = texts(other, "message");
      List<String> hints = texts(other, "hint");
      List<String> enHints = texts(en, "hint");
      for (int i = 0; i < messages.size(); i++) {
        assertFalse(messages.get(i).isBlank(), lang + ": a message for " + places.get(i));
        assertFalse(
            messages.get(i).equals(enMessages.get(i)),
            lang + ": the message for " + places.get(i) + " is still English: " + messages.get(i));
        assertEquals(
            enHints.get(i).isEmpty(),
            hints.get(i).isEmpty(),
            lang + ": a hint wherever English has one, " + places.get(i));
        if (!enHints.get(i).isEmpty()) {
          assertFalse(
              hints.get(i).equals(enHints.get(i)),
              lang + ": the hint for " + places.get(i) + " is still English: " + hints.get(i));
        }
      }
    }
  }
}
