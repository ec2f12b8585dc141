package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.shipcheck.testing.PackCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --lang} and {@code SHIPCHECK_LANG}: which language a command speaks, and what a pack's
 * translation changes.
 */
class LangOptionTest {
  @TempDir Path dir;

  @Test
  void theOptionWinsOverTheEnvironmentAndEnglishIsTheDefault() {
    assertEquals("en", LangOption.resolve(null, null));
    assertEquals("en", LangOption.resolve(null, " "));
    assertEquals("kk", LangOption.resolve(null, "kk"));
    assertEquals("zh", LangOption.resolve("zh", "ru"));
    UsageException e = assertThrows(UsageException.class, () -> LangOption.resolve(null, "ru_RU"));
    assertEquals("SHIPCHECK_LANG: unknown language 'ru_RU' (en, ru, kk, zh)", e.getMessage());
  }

  @Test
  void anUnknownLanguageIsAUsageErrorListingTheFour() {
    Cli.Run r = Cli.run("rules", "--lang", "kz");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--lang: unknown language 'kz' (en, ru, kk, zh)"), r.err());
  }

  /**
   * A pack with a partial Russian file: what it translates shows in Russian in rules, check and
   * SARIF; what it lacks shows in English, and shipcheck test names each missing key.
   */
  @Test
  void aTranslationReachesTitlesMessagesAndSarifAndItsGapsAreReported() throws Exception {
    Path pack = PackCopy.of(dir.resolve("pack"), true);
    Files.writeString(
        pack.resolve("messages/messages_ru.properties"),
        "ACCESS-001.title=Продукт есть в перечне допуска\n"
            + "ACCESS-001.message=неизвестный продукт ''{product}'': его нет в перечне допуска\n");

    Cli.Run rules = Cli.run("rules", "--rules", pack.toString(), "--lang", "ru");
    assertEquals(0, rules.code(), rules.err());
    assertTrue(rules.out().contains("Продукт есть в перечне допуска"), rules.out());
    assertTrue(
        rules.out().contains("The product is admitted on the ship date"), "no ru title: English");

    Path fixture = pack.resolve("tests/access/fail-access.yaml");
    Cli.Run ru =
        Cli.run(
            "check",
            "--rules",
            pack.toString(),
            "--lang",
            "ru",
            "--format",
            "sarif",
            fixture.toString());
    assertEquals(1, ru.code(), ru.err());
    assertTrue(
        ru.out().contains("\"language\" : \"ru\"") || ru.out().contains("\"language\": \"ru\""),
        ru.out());
    assertTrue(ru.out().contains("неизвестный продукт '"), ru.out());
    assertFalse(ru.out().contains("unknown product '"), ru.out());

    Cli.Run en =
        Cli.run("check", "--rules", pack.toString(), "--format", "json", fixture.toString());
    assertTrue(en.out().contains("unknown product '"), en.out());

    Cli.Run test = Cli.run("test", "--rules", pack.toString());
    assertTrue(
        test.err()
            .contains(
                "warning: messages/messages_ru.properties lacks ACCESS-001.hint; English is shown"),
        test.err());
  }

  /**
   * A pack that brings no messages (titles as @title, messages as text) still gets shipcheck's own
   * words.
   */
  @Test
  void aPackWithoutMessagesStillSpeaksTheToolsWords() {
    String pack = "src/test/resources/example-pack";
    Cli.Run r = Cli.run("check", "--rules", pack, "--format", "json", pack + "/tests");
    assertTrue(r.err().contains(" declarations: "), r.err());
    assertFalse(r.err().contains("ui.summary"), r.err());
    Cli.Run rules = Cli.run("rules", "--rules", pack);
    assertTrue(
        rules.out().contains("Goods are shipped within 90 days of their production date"),
        rules.out());
    assertTrue(rules.out().contains("The document is valid YAML"), rules.out());
  }
}
