package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kz.shipcheck.engine.Args;
import kz.shipcheck.engine.Messages;
import kz.shipcheck.engine.Text;
import kz.shipcheck.pack.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipcheck test --lang}: the listing's words are ui.test.* messages of the run's language,
 * the verdict column padded to that language's longest word. The pack's own Russian file is used,
 * not the shipped translations, so the test does not wait for them.
 */
class TestCommandLangTest {
  @TempDir Path dir;

  @Test
  void theListingSpeaksTheRunsLanguage() throws Exception {
    Path pack = dir.resolve("pack");
    Path from = Path.of(TestCommandTest.EXAMPLE_PACK);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path to = pack.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Files.createDirectories(pack.resolve("messages"));
    Files.writeString(
        pack.resolve("messages/messages_ru.properties"),
        "ui.test.ok=ок\n"
            + "ui.test.fail=ОШИБКА\n"
            + "ui.test.problem=проблема\n"
            + "ui.test.missing=нет\n"
            + "ui.test.unexpected=лишнее\n"
            + "ui.test.atLine=строка {line}: {what}\n"
            + "ui.test.count={fixtures, plural, one {{count} пример} few {{count} примера} other {{count} примеров}}:"
            + " совпали {matched}, не совпали {failed}\n"
            + "ui.test.coverage.some=покрытие: правила без примера: {rules}\n"
            + "ui.test.unknownRule=строка {line}: ожидается {rule}, такого правила нет"
            + "{suggestion, select, none {} other {; может быть, {suggestion}?}}\n");

    Cli.Run r = Cli.run("test", "--rules", pack.toString(), "--lang", "ru", TestCommandTest.RUN);
    assertEquals(1, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("ок      src/test/resources/fixture-run/pass.yaml\n"), out);
    assertTrue(out.contains("ОШИБКА  src/test/resources/fixture-run/typo.yaml\n"), out);
    assertTrue(
        out.contains(
            "        проблема  строка 7: ожидается INPUT-TYP, такого правила нет; может быть, INPUT-TYPE?\n"),
        out);
    assertTrue(out.contains("        нет       строка 2: INPUT-TYPE\n"), out);
    // the finding's own message is the shipped Russian of the built-in check
    Text ru = Messages.load(PackFiles.fromDirectory(Path.of("rules"))).in("ru");
    String date =
        ru.render("INPUT-TYPE.message.date", Args.of("path", "shipDate", "value", "2025-02-30"));
    assertTrue(out.contains("        лишнее    строка 3: INPUT-TYPE " + date), out);
    assertTrue(out.contains("4 примера: совпали 2, не совпали 2\n"), out);
    assertTrue(out.contains("покрытие: правила без примера: COMPANY-001\n"), out);
    // a key the pack's file lacks is said in shipcheck's own words of the language (the shipped
    // messages_ru), which themselves fall back to English
    String own =
        ru.render(
            "ui.test.passBesideExpect", Args.of("line", 1, "expectLine", 7, "rule", "INPUT-TYP"));
    assertTrue(out.contains(own), own + "\n" + out);
    assertFalse(out.contains("did not match"), out);
  }
}
