package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.testing.PackCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in checks' messages (INPUT-*, BATCH-001) are rendered from the messages in the run's
 * language, like every rule's: a pack whose Russian file says them in Russian shows them so, at the
 * same rule, path, line and column as in English. The pack's own file is used, not the shipped
 * translations, so the test does not wait for them.
 */
class InputMessagesLangTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void checkInRussianSaysTheReadersProblemsFromTheMessages() throws Exception {
    Path pack = PackCopy.of(dir.resolve("pack"), false);
    Files.writeString(
        pack.resolve("messages/messages_ru.properties"),
        "INPUT-UNKNOWN-KEY.message=неизвестный ключ ''{key}''{suggestion, select, none {} other {; может быть, ''{suggestion}''?}}\n"
            + "INPUT-TYPE.message.date=''{path}'': нужна существующая дата (гггг-мм-дд), указано ''{value}''\n"
            + "BATCH-001.message=идентификатор ''{id}'' уже встречался в этом пакете\n"
            + "BATCH-001.hint=дайте каждой декларации свой идентификатор\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "id: KZ-1\nshipDate: 2025-02-30\nexportr: x\n");
    Path valid = Path.of("rules/tests/access/fail-access.yaml");
    Path twice = dir.resolve("twice.yaml");
    Files.writeString(twice, Files.readString(valid) + "\n---\n" + Files.readString(valid));

    Cli.Run ru =
        Cli.run(
            "check",
            "--rules",
            pack.toString(),
            "--lang",
            "ru",
            "--format",
            "json",
            bad.toString(),
            twice.toString());
    Cli.Run en =
        Cli.run(
            "check",
            "--rules",
            pack.toString(),
            "--format",
            "json",
            bad.toString(),
            twice.toString());
    assertEquals(en.code(), ru.code(), ru.err());

    List<JsonNode> ruFindings = findings(ru.out(), List.of("INPUT-", "BATCH-"));
    List<JsonNode> enFindings = findings(en.out(), List.of("INPUT-", "BATCH-"));
    assertEquals(enFindings.size(), ruFindings.size(), ru.out());
    assertTrue(ruFindings.size() >= 3, ru.out());
    for (int i = 0; i < ruFindings.size(); i++) {
      JsonNode r = ruFindings.get(i);
      JsonNode e = enFindings.get(i);
      for (String field : List.of("rule", "path", "line", "column")) {
        assertEquals(e.get(field), r.get(field), field + " of " + r);
      }
    }
    assertTrue(ru.out().contains("неизвестный ключ 'exportr'; может быть, 'exporter'?"), ru.out());
    assertTrue(
        ru.out().contains("'shipDate': нужна существующая дата (гггг-мм-дд), указано '2025-02-30'"),
        ru.out());
    assertTrue(
        ru.out().contains("идентификатор 'FX-ACCESS-FAIL-1' уже встречался в этом пакете"),
        ru.out());
    assertTrue(ru.out().contains("дайте каждой декларации свой идентификатор"), ru.out());
    assertFalse(ru.out().contains("unknown key 'exportr'"), ru.out());
    assertFalse(ru.out().contains("was already used earlier"), ru.out());
    assertTrue(en.out().contains("unknown key 'exportr'; did you mean 'exporter'?"), en.out());
    assertTrue(
        en.out().contains("'shipDate' must be a date (yyyy-mm-dd) that exists, found '2025-02-30'"),
        en.out());
    assertTrue(
        en.out()
            .contains("declaration id 'FX-ACCESS-FAIL-1' was already used earlier in this batch"),
        en.out());
  }

  /** The findings of the given rule families, in report order, from a json report. */
  private static List<JsonNode> findings(String json, List<String> prefixes) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    JsonNode root = JSON.readTree(json);
    for (JsonNode result : root.findValues("findings")) {
      for (JsonNode f : result) {
        String rule = f.get("rule").asText();
        if (prefixes.stream().anyMatch(rule::startsWith)) {
          out.add(f);
        }
      }
    }
    return out;
  }
}
