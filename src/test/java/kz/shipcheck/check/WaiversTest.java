package kz.shipcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.FailOn;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading waivers (errors with file:line:col) and applying them (globs, paths, expiry). */
class WaiversTest {
  static final List<String> RULES =
      List.of("ACCESS-002", "ACCESS-003", "HS-001", "BATCH-001", "INPUT-TYPE");

  static Waivers read(String yaml) throws PackException {
    return Waivers.read("w.yaml", yaml.getBytes(StandardCharsets.UTF_8), RULES);
  }

  static final String ONE =
      """
      - rule: ACCESS-003
        declaration: KZ-CN-2025-*
        path: items[0].form
        reason: importer holds a special permit No. 77
        expires: 2026-06-30
        approvedBy: compliance@exporter.kz
      """;

  static Finding finding(String rule, Severity severity, String path) {
    return new Finding(rule, severity, "m", path, 3, 5, "ref", "fact", null, null);
  }

  /** What the batch does with a result: the waivers mark its findings, then the policy decides. */
  static DeclarationResult apply(Waivers w, DeclarationResult r, LocalDate judgedOn) {
    List<Finding> marked = w.mark(r.id(), r.findings(), judgedOn);
    return new DeclarationResult(
        r.file(), r.document(), r.id(), FailOn.ERROR.outcome(marked), marked, r.facts());
  }

  static DeclarationResult result(String id, Finding... findings) {
    return new DeclarationResult(
        "d.yaml", 1, id, Outcome.FAIL, List.of(findings), DeclarationResult.Facts.NONE);
  }

  @Test
  void readsTheSpecExample() throws Exception {
    Waivers w = read(ONE);
    assertEquals(
        List.of(
            new Waivers.Waiver(
                "ACCESS-003",
                "KZ-CN-2025-*",
                "items[0].form",
                "importer holds a special permit No. 77",
                LocalDate.of(2026, 6, 30),
                "compliance@exporter.kz",
                1)),
        w.all());
  }

  @Test
  void anEmptyFileHasNoWaivers() throws Exception {
    assertEquals(List.of(), read("# nothing waived\n").all());
    assertEquals(List.of(), read("[]\n").all());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "- rule: ACCESS-003\\n  declaration: x\\n  reason: r\\n  expires: 2026-06-30\\n|w.yaml:1:3: a waiver needs 'approvedBy'",
        "- rule: ACCESS-003\\n  declaration: x\\n  reason: r\\n  expires: 2026-02-30\\n  approvedBy: a\\n|w.yaml:4:12: 'expires' must be a date (yyyy-mm-dd) that exists, found '2026-02-30'",
        "- rule: ACCESS-003\\n  declaration: x\\n  reason:\\n  expires: 2026-06-30\\n  approvedBy: a\\n|w.yaml:3:10: 'reason' is empty",
        "- rule: ACESS-003\\n  declaration: x\\n|w.yaml:1:9: unknown rule 'ACESS-003'; did you mean ACCESS-003?",
        "- rule: INPUT-TYPE\\n  declaration: x\\n|w.yaml:1:9: INPUT-TYPE cannot be waived: a declaration that cannot be read cannot pass",
        "- rule: ACCESS-003\\n  declration: x\\n|w.yaml:2:3: unknown key 'declration' in a waiver; did you mean 'declaration'? Known keys: rule, declaration, path, reason, expires, approvedBy",
        "- rule: [ACCESS-003]\\n|w.yaml:1:9: 'rule' must be text, found a list",
        "rule: ACCESS-003\\n|w.yaml:1:1: expected a list of waivers ('- rule: ...'), found a mapping",
        "- ACCESS-003\\n|w.yaml:1:3: a waiver is a mapping of rule, declaration, path, reason, expires, approvedBy; found text",
        "- rule: ACCESS-003\\n  rule: HS-001\\n|w.yaml:2:3: duplicate key 'rule' (first written on line 1)",
        "- [\\n|w.yaml:2:1: YAML syntax: ",
        "- rule: A\\n---\\n- rule: B\\n|w.yaml:2:1: expected one YAML document: a list of waivers",
      })
  void problemsAreReportedWithFileLineAndColumn(String yaml, String expected) {
    PackException e = assertThrows(PackException.class, () -> read(yaml.replace("\\n", "\n")));
    assertTrue(e.located().startsWith(expected), e.located());
  }

  @Test
  void notUtf8IsAProblemOfTheFile() {
    PackException e =
        assertThrows(
            PackException.class,
            () -> Waivers.read("w.yaml", new byte[] {'-', ' ', (byte) 0xE9}, RULES));
    assertEquals("w.yaml: the waivers file is not UTF-8", e.located());
  }

  @Test
  void waivesAMatchingFindingInPlaceAndDecidesTheOutcomeAgain() throws Exception {
    Waivers w = read(ONE);
    DeclarationResult r =
        apply(
            w,
            result(
                "KZ-CN-2025-000187",
                finding("ACCESS-003", Severity.ERROR, "items[0].form"),
                finding("HS-001", Severity.WARNING, "items[0].hsCode")),
            LocalDate.of(2025, 11, 12));
    assertEquals(Outcome.PASS, r.outcome());
    assertEquals("importer holds a special permit No. 77", r.findings().get(0).waived().reason());
    assertEquals("2026-06-30", r.findings().get(0).waived().expires());
    assertEquals("compliance@exporter.kz", r.findings().get(0).waived().approvedBy());
    assertNull(r.findings().get(1).waived());
    assertEquals(List.of(), w.unused());
    assertEquals(List.of(), w.expired());
    assertEquals(1, w.applied(0));
  }

  @Test
  void anotherIdPathOrRuleIsNotWaived() throws Exception {
    Waivers w = read(ONE);
    LocalDate d = LocalDate.of(2025, 11, 12);
    assertEquals(
        Outcome.FAIL,
        apply(
                w,
                result("KZ-CN-2024-000001", finding("ACCESS-003", Severity.ERROR, "items[0].form")),
                d)
            .outcome());
    assertEquals(
        Outcome.FAIL,
        apply(
                w,
                result("KZ-CN-2025-000001", finding("ACCESS-003", Severity.ERROR, "items[1].form")),
                d)
            .outcome());
    assertEquals(
        Outcome.FAIL,
        apply(
                w,
                result("KZ-CN-2025-000001", finding("ACCESS-002", Severity.ERROR, "items[0].form")),
                d)
            .outcome());
    assertEquals(1, w.unused().size());
  }

  @Test
  void aWaiverEndsOnItsExpiryDateLikeEveryPeriod() throws Exception {
    Waivers w = read(ONE);
    Finding f = finding("ACCESS-003", Severity.ERROR, "items[0].form");
    assertEquals(
        Outcome.PASS, apply(w, result("KZ-CN-2025-1", f), LocalDate.of(2026, 6, 29)).outcome());
    assertEquals(
        Outcome.FAIL, apply(w, result("KZ-CN-2025-2", f), LocalDate.of(2026, 6, 30)).outcome());
    assertEquals(1, w.expired().size());
    assertEquals(List.of(), w.unused());
  }

  @Test
  void theFirstWaiverInForceWins() throws Exception {
    Waivers w =
        read(
            """
        - {rule: HS-001, declaration: "*", reason: old, expires: 2025-01-01, approvedBy: a}
        - {rule: HS-001, declaration: "X-?", reason: new, expires: 2027-01-01, approvedBy: b}
        - {rule: HS-001, declaration: "X-*", reason: also, expires: 2027-01-01, approvedBy: c}
        """);
    DeclarationResult r =
        apply(
            w,
            result("X-1", finding("HS-001", Severity.ERROR, "items[0].hsCode")),
            LocalDate.of(2025, 6, 1));
    assertEquals("new", r.findings().get(0).waived().reason());
    assertEquals(List.of(1), w.expired().stream().map(Waivers.Waiver::line).toList());
    assertEquals(List.of(3), w.unused().stream().map(Waivers.Waiver::line).toList());
  }

  @Test
  void invalidResultsAreLeftAlone() throws Exception {
    Waivers w =
        read(
            "- {rule: HS-001, declaration: \"*\", reason: r, expires: 2027-01-01, approvedBy: a}\n");
    DeclarationResult invalid =
        new DeclarationResult(
            "d.yaml",
            1,
            "X",
            Outcome.INVALID,
            List.of(finding("INPUT-TYPE", Severity.ERROR, "shipDate")),
            DeclarationResult.Facts.NONE);
    // the batch hands the waivers no date for a document it could not read
    assertSame(invalid.findings(), w.mark(invalid.id(), invalid.findings(), null));
  }

  @ParameterizedTest
  @CsvSource({
    "KZ-CN-2025-*, KZ-CN-2025-000187, true",
    "KZ-CN-2025-*, KZ-CN-2024-000187, false",
    "KZ-?, KZ-1, true",
    "KZ-?, KZ-12, false",
    "items[0].form, items[0].form, true",
    "items[0].form, items10.form, false",
    "items[*].form, items[3].form, true",
    "a.b, axb, false",
  })
  void globs(String glob, String text, boolean matches) {
    assertEquals(matches, Waivers.glob(glob).matches(text));
    assertFalse(Waivers.glob("x").matches("xx"));
  }

  /**
   * The glob matcher before it walked the text itself: a regular expression, kept as the reference.
   */
  private static java.util.regex.Pattern regex(String glob) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        b.append(".*");
      } else if (c == '?') {
        b.append('.');
      } else {
        b.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return java.util.regex.Pattern.compile(b.toString(), java.util.regex.Pattern.DOTALL);
  }

  static final List<String> GLOBS =
      List.of(
          "",
          "*",
          "**",
          "?",
          "??",
          "*?",
          "?*",
          "a",
          "a*",
          "*a",
          "*a*",
          "a*b",
          "a*b*c",
          "*-*-*-0001",
          "KZ-*-*-*-0001",
          "a?c",
          "*?*?*",
          "items[*].form",
          "items[0].form",
          "a.b",
          "\\*",
          "\\",
          "^$",
          "(a|b)",
          "a+",
          "{1}",
          "*\n*",
          "?\n",
          "é*",
          "*?x",
          "?",
          "[",
          "a\\Eb",
          "\\Q*");
  static final List<String> TEXTS =
      List.of(
          "",
          "a",
          "aa",
          "ab",
          "abc",
          "aXbYc",
          "acb",
          "b",
          "-",
          "--0001",
          "KZ-CN-2025-0001",
          "KZ-CN-2025-00001",
          "KZ-0001",
          "KZ---0001",
          "items[3].form",
          "items[0].form",
          "items10.form",
          "axb",
          "a.b",
          "\\",
          "\\x",
          "^$",
          "(a|b)",
          "a",
          "aaa",
          "{1}",
          "x\ny",
          "\n",
          "\r\n",
          "é",
          "éé",
          "😀",
          "x😀y",
          "x😀",
          "a😀",
          "[",
          "a\\Eb",
          "\\Qx",
          "\uD800",
          "x\uDC00");

  @Test
  void theMatcherAgreesWithTheRegularExpressionItReplaced() {
    java.util.Random random = new java.util.Random(13);
    List<String> globs = new java.util.ArrayList<>(GLOBS);
    List<String> texts = new java.util.ArrayList<>(TEXTS);
    String alphabet = "ab-*?";
    for (int n = 0; n < 300; n++) {
      StringBuilder g = new StringBuilder();
      StringBuilder t = new StringBuilder();
      for (int i = random.nextInt(7); i > 0; i--) {
        g.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (int i = random.nextInt(9); i > 0; i--) {
        t.append(alphabet.charAt(random.nextInt(3)));
      }
      globs.add(g.toString());
      texts.add(t.toString());
    }
    for (String g : globs) {
      for (String t : texts) {
        assertEquals(
            regex(g).matcher(t).matches(),
            Waivers.glob(g).matches(t),
            "'" + g + "' against '" + t + "'");
      }
    }
  }

  /**
   * A character outside the basic plane in a glob matches itself: the regular expression quoted
   * each half of its surrogate pair alone and so never matched it (the agreement table above leaves
   * such globs out); {@code ?} is one character, as it was.
   */
  @Test
  void anEmojiInAGlobMatchesItself() {
    assertTrue(Waivers.glob("*😀?").matches("x😀y"));
    assertTrue(Waivers.glob("😀").matches("😀"));
    assertFalse(Waivers.glob("😀").matches("😁"));
    assertTrue(Waivers.glob("x?y").matches("x😀y"));
    assertFalse(Waivers.glob("x??y").matches("x😀y"));
  }

  /**
   * A glob of many stars against a long id that almost matches everywhere: a regular expression
   * backtracks through every way of splitting the id among the stars (the waivers file and the id
   * both come from users). The timeout is a hang guard only.
   */
  @Test
  @org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
  void manyStarsAgainstALongIdDoNotBacktrackWithoutEnd() {
    String id = "KZ-" + "-".repeat(3_000) + "0002";
    assertFalse(Waivers.glob("KZ-*-*-*-0001").matches(id));
    assertFalse(Waivers.glob("KZ-*-*-*-*-*-*-0001").matches(id));
    assertTrue(Waivers.glob("KZ-*-*-*-*-*-*-000?").matches(id));
    assertTrue(Waivers.glob("*-*-*-*-*-*-*").matches("-".repeat(3_000)));
  }
}
