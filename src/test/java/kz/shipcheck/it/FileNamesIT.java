package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file is checked and named, whatever its name and the locale: the packaged jar and the
 * launcher, run as a user runs them from a shell, under {@code LC_ALL=C} (where the JVM decodes
 * names as ASCII) and under {@code C.UTF-8} with a name that is not UTF-8. Before, {@code
 * bad\xff.yaml} was missing from the report of a passing run, and {@code декларация.yaml} under
 * {@code LC_ALL=C} ended the run with exit 4.
 */
class FileNamesIT {
  static final Path JAR = PackagedJarIT.JAR;
  static final Path LAUNCHER = JAR.resolveSibling("shipcheck");
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /**
   * The shell spells the names in bytes: printf's octal escapes, whatever the test JVM's locale.
   */
  static final String BAD = "\"$(printf 'bad\\377.yaml')\"";

  static final String CYRILLIC =
      "\"$(printf '\\320\\264\\320\\265\\320\\272\\320\\273\\320\\260\\321\\200\\320\\260"
          + "\\321\\206\\320\\270\\321\\217.yaml')\"";

  @TempDir Path dir;

  record Run(int code, Map<String, JsonNode> byFile, String err) {}

  /**
   * A passing declaration as декларация.yaml, a failing one (ACCESS-001) as bad\xff.yaml, here and
   * in batch/.
   */
  @BeforeEach
  void files() throws Exception {
    String pass = Files.readString(Path.of("shipments/pork-frozen-pass.yaml"));
    // each its own id: the same id twice in a batch fails BATCH-001
    Files.writeString(
        dir.resolve("pass1.yaml"), pass.replace("KZ-CN-2025-000187", "KZ-CN-2025-000901"));
    Files.writeString(
        dir.resolve("pass2.yaml"), pass.replace("KZ-CN-2025-000187", "KZ-CN-2025-000902"));
    String fail = pass.replace("product: pork", "product: porc");
    Files.writeString(
        dir.resolve("fail1.yaml"), fail.replace("KZ-CN-2025-000187", "KZ-CN-2025-000903"));
    Files.writeString(
        dir.resolve("fail2.yaml"), fail.replace("KZ-CN-2025-000187", "KZ-CN-2025-000904"));
    shell(
        Map.of(),
        "mkdir batch && mv pass1.yaml batch/"
            + CYRILLIC
            + " && mv fail1.yaml batch/"
            + BAD
            + " && mv pass2.yaml "
            + CYRILLIC
            + " && mv fail2.yaml "
            + BAD);
  }

  /** Runs a shell command in {@code dir} with only PATH, HOME and the given locale variables. */
  Run shell(Map<String, String> locale, String command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("sh", "-c", command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.jsonl").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
    pb.environment().putAll(locale);
    pb.environment().put("SHIPCHECK_CACHE_DIR", dir.resolve("cache").toString());
    Process p = pb.start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the run did not finish");
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    Map<String, JsonNode> byFile = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("out.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode r = new ObjectMapper().readTree(line);
      byFile.put(r.get("file").asText(), r);
    }
    return new Run(p.exitValue(), byFile, err);
  }

  static String jar(String args) {
    return "exec '" + JAVA + "' -jar '" + JAR + "' check --format jsonl --quiet " + args;
  }

  static void assertChecked(Run r, String file, String outcome) {
    JsonNode result = r.byFile().get(file);
    assertTrue(result != null, file + " is missing from " + r.byFile().keySet() + "\n" + r.err());
    assertEquals(outcome, result.get("outcome").asText(), result.toString());
    if (outcome.equals("fail")) {
      assertEquals(
          "ACCESS-001", result.get("findings").get(0).get("rule").asText(), result.toString());
    }
  }

  @Test
  void underAUtf8LocaleANameThatIsNotUtf8IsCheckedInAFolderAndAsAnArgument() throws Exception {
    Run r = shell(Map.of("LANG", "C.UTF-8"), jar("batch " + BAD));
    assertEquals(1, r.code(), r.err());
    assertEquals(
        List.of("batch/bad\\xff.yaml", "batch/декларация.yaml", "bad\\xff.yaml"),
        new ArrayList<>(r.byFile().keySet()),
        r.err());
    assertChecked(r, "batch/bad\\xff.yaml", "fail");
    assertChecked(r, "batch/декларация.yaml", "pass");
    assertChecked(r, "bad\\xff.yaml", "fail");
  }

  @Test
  void underLcAllCTheJarChecksNonAsciiNamesInAFolderAndAsArguments() throws Exception {
    Run r = shell(Map.of("LC_ALL", "C", "LANG", "C"), jar(CYRILLIC));
    assertEquals(0, r.code(), r.err());
    assertChecked(r, "декларация.yaml", "pass");

    r = shell(Map.of("LC_ALL", "C"), jar("batch " + CYRILLIC + " " + BAD));
    assertEquals(1, r.code(), r.err());
    assertEquals(
        List.of("batch/bad\\xff.yaml", "batch/декларация.yaml", "декларация.yaml", "bad\\xff.yaml"),
        new ArrayList<>(r.byFile().keySet()),
        r.err());
    assertChecked(r, "batch/декларация.yaml", "pass");
    assertChecked(r, "bad\\xff.yaml", "fail");
  }

  @Test
  void underLangCTheLauncherChecksThemToo() throws Exception {
    for (Map<String, String> locale :
        List.of(Map.of("LANG", "C"), Map.of("LC_ALL", "C"), Map.<String, String>of())) {
      Run r =
          shell(
              locale,
              "exec '" + LAUNCHER + "' check --format jsonl --quiet " + CYRILLIC + " batch");
      assertEquals(1, r.code(), locale + " " + r.err());
      assertChecked(r, "декларация.yaml", "pass");
      assertChecked(r, "batch/декларация.yaml", "pass");
      assertChecked(r, "batch/bad\\xff.yaml", "fail");
    }
  }
}
