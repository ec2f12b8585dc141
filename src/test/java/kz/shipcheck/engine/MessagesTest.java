package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled pack's messages: English complete for every rule, and every other language present
 * (messages_ru, _kk, _zh as translators add them) with exactly English's keys, the same arguments
 * per template, and no English sentence left untranslated. With English alone, the checks of other
 * languages have nothing to check; they start as soon as a file appears.
 */
class MessagesTest {
  private static final Path RULES = Path.of("rules");
  private static final Pattern RULE_ID = Pattern.compile("@id\\(\"([^\"]+)\"\\)");

  /** A variant a consequence chooses with a ternary: {@code ? "missing" : null}. */
  private static final Pattern VARIANT = Pattern.compile("[?:]\\s*\"([a-z][A-Za-z]*)\"");

  private static Messages bundled() throws PackException {
    return Messages.load(PackFiles.fromDirectory(RULES));
  }

  /** The bundled pack's messages are taken as they are, without merging the tool's words in. */
  @Test
  void theBundledPackHoldsEveryWordOfTheTool() throws Exception {
    Messages bundled = Messages.load(kz.shipcheck.pack.PackFiles.bundled());
    for (String lang : Messages.LANGUAGES) {
      Map<String, String> tool = new java.util.TreeMap<>(Messages.bundled().templates(lang));
      tool.keySet().removeIf(k -> !Messages.toolKey(k));
      assertFalse(tool.isEmpty(), lang);
      for (Map.Entry<String, String> e : tool.entrySet()) {
        assertEquals(
            e.getValue(), bundled.templates(lang).get(e.getKey()), lang + " " + e.getKey());
      }
    }
  }

  @Test
  void everyRuleHasATitleAMessageAndAHintInEnglish() throws Exception {
    Map<String, String> en = bundled().templates("en");
    List<String> missing = new ArrayList<>();
    for (Path drl : drlFiles()) {
      Matcher m = RULE_ID.matcher(Files.readString(drl));
      while (m.find()) {
        for (String part : List.of(".title", ".message", ".hint")) {
          if (!en.containsKey(m.group(1) + part)) {
            missing.add(m.group(1) + part);
          }
        }
      }
    }
    assertEquals(List.of(), missing, "keys messages_en.properties lacks");
  }

  @Test
  void everyVariantARuleChoosesHasItsEnglishMessage() throws Exception {
    Map<String, String> en = bundled().templates("en");
    List<String> missing = new ArrayList<>();
    for (Path drl : drlFiles()) {
      // rule by rule: its id, then the variants its consequence names
      for (String rule : Files.readString(drl).split("\nrule ")) {
        Matcher id = RULE_ID.matcher(rule);
        if (!id.find() || !rule.contains("\nthen\n")) {
          continue;
        }
        Matcher v = VARIANT.matcher(rule.substring(rule.indexOf("\nthen\n")));
        while (v.find()) {
          if (!en.containsKey(id.group(1) + ".message." + v.group(1))) {
            missing.add(id.group(1) + ".message." + v.group(1));
          }
        }
      }
    }
    // the variants Identifiers names (checkDigit is the plain message)
    for (String key :
        List.of(
            "BIN-001.message.missing",
            "BIN-001.message.length",
            "TRANSPORT-004.message.missing",
            "TRANSPORT-004.message.shape")) {
      if (!en.containsKey(key)) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyLanguagePresentHasEnglishsKeysAndNoOthers() throws Exception {
    Messages m = bundled();
    assertTrue(m.languages().contains("en"), "messages_en.properties is the reference");
    Set<String> en = m.templates("en").keySet();
    for (String lang : m.languages()) {
      Set<String> lacks = new TreeSet<>(en);
      lacks.removeAll(m.templates(lang).keySet());
      assertEquals(Set.of(), lacks, "messages_" + lang + ".properties lacks keys");
      Set<String> extra = new TreeSet<>(m.templates(lang).keySet());
      extra.removeAll(en);
      assertEquals(Set.of(), extra, "messages_" + lang + ".properties has keys English does not");
    }
    assertEquals(List.of(), m.gaps());
  }

  @Test
  void everyTemplateUsesTheSameArgumentsInEveryLanguage() throws Exception {
    Messages m = bundled();
    List<String> differ = new ArrayList<>();
    m.templates("en")
        .forEach(
            (key, english) -> {
              Set<String> want = Messages.argumentNames(english);
              for (String lang : m.languages()) {
                String t = m.templates(lang).get(key);
                if (t != null && !Messages.argumentNames(t).equals(want)) {
                  differ.add(
                      lang + " " + key + ": " + Messages.argumentNames(t) + ", English " + want);
                }
              }
            });
    assertEquals(List.of(), differ);
  }

  @Test
  void noTranslationKeepsAnEnglishSentence() throws Exception {
    Messages m = bundled();
    List<String> english = new ArrayList<>();
    for (String lang : m.languages()) {
      if (lang.equals("en")) {
        continue;
      }
      m.templates(lang)
          .forEach(
              (key, t) -> {
                String run = englishRun(t);
                if (run != null) {
                  english.add(lang + " " + key + ": \"" + run + "\"");
                }
              });
      m.names(lang)
          .forEach(
              (key, t) -> {
                String run = englishRun(t);
                if (run != null) {
                  english.add("names_" + lang + " " + key + ": \"" + run + "\"");
                }
              });
    }
    assertEquals(List.of(), english, "English left in a translation");
  }

  /** A date pattern every language reads one way: the year in full, and a valid pattern. */
  @Test
  void everyDatePatternWritesTheFullYear() throws Exception {
    Messages m = bundled();
    for (String lang : m.languages()) {
      String pattern = m.templates(lang).get("format.date");
      String d = m.in(lang).date(LocalDate.of(2025, 3, 4));
      assertTrue(
          pattern != null && d.contains("2025") && d.contains("4"),
          lang + ": format.date " + pattern + " gives " + d);
    }
  }

  @Test
  void namesFilesNameKnownKindsOfRows() throws Exception {
    Messages m = bundled();
    Set<String> kinds =
        Set.of("product", "region", "crossing", "form", "certificate", "laboratory", "decree");
    for (String lang : Messages.LANGUAGES) {
      for (String key : m.names(lang).keySet()) {
        assertTrue(
            kinds.contains(key.substring(0, Math.max(0, key.indexOf('.')))),
            "names_"
                + lang
                + ".properties: "
                + key
                + " is not <kind>.<key> with a kind of "
                + kinds);
      }
    }
  }

  /**
   * Four or more English words of three letters or more in a row, outside backticks and outside ICU
   * syntax (argument names, select and plural keywords): a sentence nobody translated.
   */
  static String englishRun(String template) {
    String t =
        template
            .replaceAll("`[^`]*`", " | ")
            .replaceAll("'[{}]'", " | ")
            .replaceAll("\\{\\s*\\w+\\s*,\\s*(select|plural|selectordinal|number|date)\\s*,", " | ")
            .replaceAll("\\b(none|other|zero|one|two|few|many|true|false|=\\d+)\\s*\\{", " | ")
            .replaceAll("\\{\\s*\\w+\\s*}", " | ");
    Matcher m =
        Pattern.compile("(?<![\\p{L}.])[A-Za-z]{3,}(?:\\s+[A-Za-z]{3,}){3,}(?![\\p{L}.])")
            .matcher(t);
    return m.find() ? m.group() : null;
  }

  @Test
  void theEnglishHeuristicFindsASentenceAndSparesCodes() {
    assertEquals(
        "the declared heat treatment does not reach",
        englishRun("{product}: the declared heat treatment does not reach"));
    assertNull(
        englishRun("ветеринарный сертификат {number} не указан; `items[0].hsCode` as written"));
    assertNull(
        englishRun(
            "{status, select, suspended {приостановлена} other {{status}}} (GB 7718: CSQU3054383)"));
    assertNull(englishRun("声明 packaging: '{'exportMarking: true'}'"));
  }

  @Test
  void aTemplateThatDoesNotParseIsAPackError(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(
        dir.resolve("messages/messages_en.properties"), "X-001.message=unknown {product\n");
    PackException e =
        assertThrows(PackException.class, () -> Messages.load(PackFiles.fromDirectory(dir)));
    assertTrue(e.getMessage().contains("X-001.message"), e.getMessage());
  }

  @Test
  void aFileForAnUnknownLanguageIsAPackError(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(dir.resolve("messages/messages_kz.properties"), "X-001.message=x\n");
    PackException e =
        assertThrows(PackException.class, () -> Messages.load(PackFiles.fromDirectory(dir)));
    assertTrue(e.getMessage().contains("en, ru, kk, zh"), e.getMessage());
  }

  @Test
  void aMissingKeyFallsBackToEnglishAndIsReported(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(
        dir.resolve("messages/messages_en.properties"), "A.message=held {n} min\nB.message=b\n");
    Files.writeString(
        dir.resolve("messages/messages_ru.properties"), "A.message=выдержка {n} мин\n");
    Messages m = Messages.load(PackFiles.fromDirectory(dir));
    assertEquals("b", m.in("ru").render("B.message", Args.none()));
    assertEquals("выдержка 5 мин", m.in("ru").render("A.message", Args.of("n", "5")));
    assertEquals(
        List.of("messages/messages_ru.properties lacks B.message; English is shown"), m.gaps());
  }

  @Test
  void aRowShowsByItsNameInTheLanguage(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(dir.resolve("messages/messages_en.properties"), "A.message=from {region}\n");
    Files.writeString(
        dir.resolve("messages/names_ru.properties"), "region.abai=Абайская область\n");
    Messages m = Messages.load(PackFiles.fromDirectory(dir));
    var abai =
        new kz.shipcheck.pack.Region(
            "abai",
            "Abai Region",
            "KZ-10",
            LocalDate.of(2022, 6, 8),
            null,
            "east-kazakhstan",
            List.of(),
            "source",
            "fact");
    assertEquals("from Абайская область", m.in("ru").render("A.message", Args.of("region", abai)));
    assertEquals("from Abai Region", m.in("en").render("A.message", Args.of("region", abai)));
    assertEquals(
        "from Abai Region",
        m.in("kk").render("A.message", Args.of("region", abai)),
        "no kk name: the data's");
  }

  @Test
  void decimalsAreExactInEveryLanguage() {
    Messages none = Messages.none();
    assertEquals("69.9999", none.in("en").decimal(new BigDecimal("69.9999")));
    assertEquals("69,9999", none.in("ru").decimal(new BigDecimal("69.9999")));
    assertEquals(
        "69.999999999999999999", none.in("zh").decimal(new BigDecimal("69.999999999999999999")));
    assertEquals("70", none.in("kk").decimal(new BigDecimal("70.000")));
    assertEquals("-18", none.in("en").decimal(new BigDecimal("-18")));
    assertEquals("1200000", none.in("en").decimal(new BigDecimal("1.2E+6")));
  }

  @Test
  void rowsDatesListsAndPluralsAreRenderedInTheLanguage(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("messages"));
    Files.writeString(
        dir.resolve("messages/messages_en.properties"),
        "format.date=yyyy-MM-dd\nA.message={days, plural, one {# day} other {# days}} from {date}; use {keys}\n"
            + "C.message={age} days; {count, plural, one {# item} other {# items}}\n");
    Files.writeString(
        dir.resolve("messages/messages_ru.properties"),
        "format.date=dd.MM.yyyy\nA.message={days, plural, one {# день} few {# дня} many {# дней} other {# дня}} с {date}; {keys}\n");
    Messages m = Messages.load(PackFiles.fromDirectory(dir));
    LocalDate d = LocalDate.of(2025, 3, 1);
    assertEquals(
        "1 day from 2025-03-01; use a or b",
        m.in("en")
            .render(
                "A.message",
                Args.of("days", 1, "date", d, "keys", Alternatives.of(List.of("a", "b")))));
    assertEquals(
        "22 дня с 01.03.2025; a или b",
        m.in("ru")
            .render(
                "A.message",
                Args.of("days", 22, "date", d, "keys", Alternatives.of(List.of("a", "b")))));
    assertEquals(
        "5 дней с 01.03.2025; a или b",
        m.in("ru")
            .render(
                "A.message",
                Args.of("days", 5, "date", d, "keys", Alternatives.of(List.of("a", "b")))));
    // a number no plural counts is written as is, never grouped or rounded
    assertEquals(
        "45823 days; 1,234 items",
        m.in("en").render("C.message", Args.of("age", 45823, "count", 1234)));
    // a key no language has shows itself, never an empty message
    assertEquals("B.message {x=1}", m.in("en").render("B.message", Args.of("x", "1")));
    assertFalse(m.in("kk").has("B.message"));
  }

  private static List<Path> drlFiles() throws IOException {
    try (Stream<Path> s = Files.list(RULES)) {
      return s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
  }
}
