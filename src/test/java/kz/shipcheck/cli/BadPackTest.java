package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken rule pack is refused before any declaration is read: exit 3 and one line {@code error:
 * file:line:col: reason} (column where known), never a stack trace. Each test breaks a fresh copy
 * of {@code rules/} in one place and runs {@code check --rules} on it, as a user would. Edits are
 * made relative to what the file holds, so they survive changes to the pack.
 */
class BadPackTest {
  @TempDir Path tmp;
  Path pack;

  @BeforeEach
  void copyPack() throws IOException {
    pack = tmp.resolve("pack");
    kz.shipcheck.testing.PackCopy.of(pack, true);
  }

  private Cli.Run check(String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "check";
    args[1] = "--rules";
    args[2] = pack.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = CheckCommandTest.PASS;
    return Cli.run(args);
  }

  /** Runs the check and asserts exit 3 with exactly {@code error: <where>: <reason>}. */
  private void assertRefused(String where, String reason, String... extra) {
    Cli.Run r = check(extra);
    assertEquals(3, r.code(), r.out() + r.err());
    assertEquals("", r.out(), "no report for a pack that does not load");
    assertEquals("error: " + where + ": " + reason + "\n", r.err());
  }

  /** Runs the check and asserts exit 3 with one error line matching {@code where} and a reason. */
  private String assertRefusedMatching(String whereRegex) {
    Cli.Run r = check();
    assertEquals(3, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().matches("error: " + whereRegex + ": \\S.*\n"), r.err());
    assertFalse(
        r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    return r.err();
  }

  /** line:col (1-based) of the first occurrence of {@code text} in the file. */
  private static String at(Path file, String text) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    int i = s.indexOf(text);
    assertTrue(i >= 0, text + " not in " + file);
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < i; k++) {
      if (s.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return line + ":" + (i - lineStart + 1);
  }

  private static int lines(Path file) throws IOException {
    return (int) Files.readString(file, StandardCharsets.UTF_8).lines().count();
  }

  private static void append(Path file, String text) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, (s.endsWith("\n") ? s : s + "\n") + text);
  }

  private static Pattern q(String s) {
    return Pattern.compile(Pattern.quote(s));
  }

  // ---- DRL ----

  @Test
  void drlSyntaxErrorHasLineAndColumn() throws IOException {
    Files.writeString(
        pack.resolve("broken.drl"), "package x\n\nrule \"r\"\nwhen\n  Item( ==== )\nthen\nend\n");
    assertRefusedMatching(q(pack + "/broken.drl") + ":5:\\d+");
  }

  @Test
  void drlWithAnUnknownTypeHasItsLine() throws IOException {
    Files.writeString(
        pack.resolve("broken.drl"),
        "package x\nimport kz.shipcheck.engine.fact.Item\n\nrule \"r\"\n  @id(\"X-001\")\nwhen\n  Shipment( weight > 0 )\nthen\nend\n");
    String err = assertRefusedMatching(q(pack + "/broken.drl") + ":\\d+(:\\d+)?");
    assertTrue(err.contains("DRL does not compile"), err);
    assertTrue(err.contains("Shipment"), err);
  }

  @Test
  void drlConsequenceThatDoesNotCompileHasItsFile() throws IOException {
    Files.writeString(
        pack.resolve("broken.drl"),
        "package x\nimport kz.shipcheck.engine.fact.Item\nglobal kz.shipcheck.engine.Findings out\n\n"
            + "rule \"r\"\n  @id(\"X-001\") @severity(\"error\") @title(\"t\") @reference(\"r\") @basis(\"model\")\n"
            + "when\n  $i : Item()\nthen\n  out.noSuchMethod(kcontext, $i);\nend\n");
    String err = assertRefusedMatching(q(pack + "/broken.drl") + "(:\\d+){0,2}");
    assertTrue(err.contains("DRL does not compile"), err);
  }

  @Test
  void ruleMetadataOutsideItsVocabulary() throws IOException {
    String rule =
        "package x\nimport kz.shipcheck.engine.fact.Item\n\nrule \"r\"\n  @id(\"X-001\") @severity(\"%s\") @title(\"t\") @reference(\"r\") @basis(\"%s\")\nwhen\n  Item()\nthen\nend\n";
    Files.writeString(pack.resolve("meta.drl"), String.format(rule, "fatal", "model"));
    assertRefused(
        pack + "/meta.drl:4",
        "rule X-001: @severity must be error, warning or info, found 'fatal'");
    Files.writeString(pack.resolve("meta.drl"), String.format(rule, "error", "rumour"));
    assertRefused(
        pack + "/meta.drl:4", "rule X-001: @basis must be fact, approx or model, found 'rumour'");
  }

  @Test
  void ruleOnTheModelsValuesAsWrittenIsRefused() throws IOException {
    // a pack written before the facts moved to the engine compiles against the model's classes;
    // its rules would never fire and every declaration would pass
    String rule =
        "package x\nimport kz.shipcheck.model.Item\n\nrule \"r\"\n  @id(\"X-001\") @severity(\"error\") @title(\"t\") @reference(\"r\") @basis(\"model\")\nwhen\n  %s\nthen\nend\n";
    Files.writeString(pack.resolve("old.drl"), String.format(rule, "Item( product == \"wheat\" )"));
    assertRefused(
        pack + "/old.drl:4",
        "rule X-001 matches kz.shipcheck.model.Item, the value as written, which is never a fact,"
            + " so the rule could never fire; import kz.shipcheck.engine.fact.Item instead");
    Files.writeString(
        pack.resolve("old.drl"),
        String.format(
            rule,
            "exists( kz.shipcheck.engine.fact.Item() ) and not( kz.shipcheck.model.Declaration() )"));
    assertRefused(
        pack + "/old.drl:4",
        "rule X-001 matches kz.shipcheck.model.Declaration, the value as written, which is never a"
            + " fact, so the rule could never fire; import kz.shipcheck.engine.fact.Declaration instead");
  }

  @Test
  void ruleWithABuiltInCheckId() throws IOException {
    Files.writeString(
        pack.resolve("meta.drl"),
        "package x\nimport kz.shipcheck.engine.fact.Item\n\nrule \"r\"\n  @id(\"INPUT-TYPE\") @severity(\"error\") @title(\"t\") @reference(\"r\") @basis(\"model\")\nwhen\n  Item()\nthen\nend\n");
    assertRefused(pack + "/meta.drl:4", "duplicate rule id INPUT-TYPE (also a built-in check)");
  }

  @Test
  void aPackWithoutRules() throws IOException {
    try (Stream<Path> drl = Files.list(pack)) {
      for (Path p : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
        Files.delete(p);
      }
    }
    assertRefused(pack.toString(), "the rule pack holds no .drl files");
  }

  // ---- YAML data ----

  @Test
  void dataRowWithAnImpossibleDate() throws IOException {
    Path f = pack.resolve("data/laboratories.yaml");
    Matcher m =
        Pattern.compile("accreditedFrom: (\\d{4}-\\d\\d-\\d\\d)").matcher(Files.readString(f));
    assertTrue(m.find());
    Files.writeString(
        f,
        Files.readString(f).replaceFirst(Pattern.quote(m.group()), "accreditedFrom: 2025-02-30"));
    assertRefused(
        f + ":" + at(f, "2025-02-30"),
        "'accreditedFrom' must be a date (yyyy-mm-dd) that exists, found '2025-02-30'");
  }

  @Test
  void dataRowWithAMonthThirteen() throws IOException {
    Path f = pack.resolve("data/restrictions.yaml");
    Matcher m = Pattern.compile("\\bfrom: (\\d{4}-\\d\\d-\\d\\d)").matcher(Files.readString(f));
    assertTrue(m.find());
    Files.writeString(
        f, Files.readString(f).replaceFirst(Pattern.quote(m.group()), "from: 2025-13-01"));
    assertRefused(
        f + ":" + at(f, "2025-13-01"),
        "'from' must be a date (yyyy-mm-dd) that exists, found '2025-13-01'");
  }

  @Test
  void dataRowWithADuplicateKey() throws IOException {
    Path f = pack.resolve("data/crossings.yaml");
    String text = Files.readString(f);
    Matcher m = Pattern.compile("(?m)^- .*(\\n {2}.*)*").matcher(text);
    assertTrue(m.find());
    String row = m.group();
    Matcher key = Pattern.compile("key: ([\\w-]+)").matcher(row);
    assertTrue(key.find());
    int line = lines(f) + 1;
    append(f, row + "\n");
    int col = row.indexOf(key.group(1)) + 1;
    assertRefused(f + ":" + line + ":" + col, "duplicate key '" + key.group(1) + "'");
  }

  @Test
  void dataRowWithAKeyWrittenTwice() throws IOException {
    Path f = pack.resolve("data/crossings.yaml");
    int line = lines(f) + 1;
    append(f, "- {key: x, name: y, key: z, mode: rail, source: s, basis: model}\n");
    assertRefused(
        f + ":" + line + ":21", "duplicate key 'key' (first written on line " + line + ")");
  }

  @Test
  void dataRowWithAnUnknownRegionInTheRegister() throws IOException {
    Path f = pack.resolve("data/register.csv");
    int line = lines(f) + 1;
    append(f, "KZ-EST-9001,Test LLP,190640005554,atlantis,pork,2020-01-01,active,2020-01-01\n");
    assertRefused(f + ":" + line + ":35", "unknown region 'atlantis'");
  }

  @Test
  void dataFileThatIsNotYaml() throws IOException {
    Path f = pack.resolve("data/crossings.yaml");
    int line = lines(f) + 1;
    append(f, "- {key: x, name: [unclosed\n");
    String err = assertRefusedMatching(q(f.toString()) + ":\\d+:\\d+");
    assertTrue(err.contains("YAML syntax"), err);
    assertTrue(err.contains("starts on line " + line), err);
  }

  @Test
  void dataFileWithAControlCharacter() throws IOException {
    Path f = pack.resolve("data/crossings.yaml");
    int line = lines(f) + 1;
    append(f, "- {key: x\u0001y, name: n, mode: rail, source: s, basis: model}\n");
    assertRefused(
        f + ":" + line + ":10",
        "YAML syntax: control character U+0001 is not allowed in YAML text");
  }

  @Test
  void dataRowThatIsNotAMapping() throws IOException {
    Path f = pack.resolve("data/crossings.yaml");
    int line = lines(f) + 1;
    append(f, "- just text\n");
    assertRefused(f + ":" + line + ":3", "expected a row (a mapping), found text");
  }

  @Test
  void dataNumberThatIsNotDecimal() throws IOException {
    Path f = pack.resolve("data/rates.yaml");
    Matcher m = Pattern.compile("usd: ([0-9.]+)").matcher(Files.readString(f));
    assertTrue(m.find());
    Files.writeString(f, Files.readString(f).replaceFirst(Pattern.quote(m.group()), "usd: 0x1F"));
    assertRefused(f + ":" + at(f, "0x1F"), "'usd' must be a plain decimal number, found '0x1F'");
  }

  @Test
  void missingRegister() throws IOException {
    Files.delete(pack.resolve("data/register.csv"));
    assertRefused(pack + "/data/register.csv", "required file is missing from the rule pack");
  }

  // ---- the register (CSV) ----

  @Test
  void registerRowWithTheWrongFieldCount() throws IOException {
    Path f = pack.resolve("data/register.csv");
    int line = lines(f) + 1;
    append(f, "KZ-EST-9001,Test LLP,190640005554,pavlodar,pork,2020-01-01,active\n");
    assertRefused(
        f + ":" + line + ":1",
        "expected 8 fields (registration,name,bin,region,products,listedOn,status,statusSince), found 7");
  }

  @Test
  void registerRowWithABadDate() throws IOException {
    Path f = pack.resolve("data/register.csv");
    int line = lines(f) + 1;
    append(f, "KZ-EST-9001,Test LLP,190640005554,pavlodar,pork,2020-02-30,active,2020-01-01\n");
    assertRefused(
        f + ":" + line + ":49",
        "listedOn must be a date (yyyy-mm-dd) that exists, found '2020-02-30'");
  }

  @Test
  void registerRowWithAnUnclosedQuote() throws IOException {
    Path f = pack.resolve("data/register.csv");
    int line = lines(f) + 1;
    append(f, "KZ-EST-9001,\"Test LLP,190640005554,pavlodar,pork,2020-01-01,active,2020-01-01\n");
    assertRefused(f + ":" + line + ":13", "a quoted field is not closed");
  }

  @Test
  void registerRowWithABadStatus() throws IOException {
    Path f = pack.resolve("data/register.csv");
    int line = lines(f) + 1;
    append(f, "KZ-EST-9001,Test LLP,190640005554,pavlodar,pork,2020-01-01,paused,2020-01-01\n");
    assertRefused(
        f + ":" + line + ":60", "status must be active, suspended or withdrawn, found 'paused'");
  }

  @Test
  void registerRowWithTextAfterAClosingQuote() throws IOException {
    Path f = pack.resolve("data/register.csv");
    int line = lines(f) + 1;
    append(f, "KZ-EST-9001,\"Test\" LLP,190640005554,pavlodar,pork,2020-01-01,active,2020-01-01\n");
    assertRefused(f + ":" + line + ":19", "text after a closing quote");
  }

  @Test
  void registerWithADuplicateRegistration() throws IOException {
    Path f = pack.resolve("data/register.csv");
    String first = Files.readString(f).lines().skip(1).findFirst().orElseThrow();
    int line = lines(f) + 1;
    append(f, first + "\n");
    String reg = first.substring(0, first.indexOf(','));
    assertRefused(f + ":" + line + ":1", "duplicate registration '" + reg + "' (first on line 2)");
  }

  @Test
  void registerWithAnotherHeader() throws IOException {
    Path f = pack.resolve("data/register.csv");
    String text = Files.readString(f);
    Files.writeString(f, text.replaceFirst("registration,name", "registration;name"));
    assertRefused(
        f + ":1:1",
        "the register's header must be exactly: registration,name,bin,region,products,listedOn,status,statusSince");
  }

  @Test
  void aRegisterGivenWithRegisterIsNamedInTheError() throws IOException {
    Path reg = tmp.resolve("my-register.csv");
    Files.writeString(
        reg,
        "registration,name,bin,region,products,listedOn,status,statusSince\n"
            + "KZ-EST-0042,Ertis Pork LLP,190640005554,pavlodar,pork,2025-10-20,active\n");
    assertRefused(
        reg + ":2:1",
        "expected 8 fields (registration,name,bin,region,products,listedOn,status,statusSince), found 7",
        "--register",
        reg.toString());
  }
}
