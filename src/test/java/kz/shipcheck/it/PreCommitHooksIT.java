package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of {@code .pre-commit-hooks.yaml}, run the way pre-commit runs them: the entry split
 * like a shell word list, the matching staged files appended, in the repository of declarations.
 * (Checked by hand with pre-commit 4.6 {@code try-repo} as well.)
 */
class PreCommitHooksIT {
  static final Path HOME = Path.of("").toAbsolutePath();
  static final Path JAR =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();

  @TempDir Path repo;

  static JsonNode hooks() throws Exception {
    return new ObjectMapper(new YAMLFactory())
        .readTree(HOME.resolve(".pre-commit-hooks.yaml").toFile());
  }

  static JsonNode hook(String id) throws Exception {
    for (JsonNode h : hooks()) {
      if (h.get("id").asText().equals(id)) {
        return h;
      }
    }
    throw new AssertionError("no hook " + id);
  }

  /** pre-commit splits the entry with shlex; single quotes are all ours use. */
  static List<String> words(String entry) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : entry.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(w.toString());
    }
    return out;
  }

  record Run(int code, String output) {}

  Run run(JsonNode hook, List<String> files) throws Exception {
    List<String> cmd = new ArrayList<>(words(hook.get("entry").asText()));
    if (hook.get("language").asText().equals("script")) {
      cmd.set(0, HOME.resolve(cmd.get(0)).toString());
    }
    Pattern match = Pattern.compile(hook.get("files").asText());
    files.stream().filter(f -> match.matcher(f).find()).forEach(cmd::add);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
    pb.environment().putAll(Map.of("SHIPCHECK_JAR", JAR.toString()));
    Path log = Files.createTempFile(repo, "hook", ".log");
    Process p = pb.redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void theHooksFileDeclaresBothHooks() throws Exception {
    for (String id : List.of("shipcheck", "shipcheck-jar")) {
      JsonNode h = hook(id);
      assertTrue(h.get("require_serial").asBoolean(), id + ": one batch, one JVM");
      Pattern files = Pattern.compile(h.get("files").asText());
      assertTrue(files.matcher("declarations/a.yaml").find() && files.matcher("b.yml").find());
      assertTrue(!files.matcher("notes.txt").find() && !files.matcher("a.yaml.bak").find());
    }
    for (String id : List.of("shipcheck", "shipcheck-jar")) {
      assertEquals("script", hook(id).get("language").asText(), id);
      assertTrue(Files.isExecutable(HOME.resolve(hook(id).get("entry").asText())), id);
    }
  }

  /**
   * A workflow file or .pre-commit-config.yaml is YAML too: skipped with a note, never a failure.
   */
  @Test
  void yamlThatIsNotADeclarationIsSkippedWithANote() throws Exception {
    Files.createDirectories(repo.resolve("declarations"));
    Files.copy(
        HOME.resolve("rules/tests/access/pass-wheat.yaml"), repo.resolve("declarations/good.yaml"));
    Files.writeString(
        repo.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: local\n    hooks: []\n");
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
    for (String id : List.of("shipcheck", "shipcheck-jar")) {
      Run mixed =
          run(
              hook(id),
              List.of(
                  ".pre-commit-config.yaml", ".github/workflows/ci.yml", "declarations/good.yaml"));
      assertEquals(0, mixed.code(), id + ": " + mixed.output());
      assertTrue(
          mixed
              .output()
              .contains("shipcheck: skipped .pre-commit-config.yaml (none of a declaration's keys"),
          mixed.output());
      assertTrue(
          mixed.output().contains("shipcheck: skipped .github/workflows/ci.yml"), mixed.output());
      assertTrue(mixed.output().contains("PASS declarations/good.yaml"), mixed.output());
      Run none = run(hook(id), List.of(".pre-commit-config.yaml"));
      assertEquals(0, none.code(), id + ": " + none.output());
      assertTrue(
          none.output().contains("no declarations among the staged YAML files"), none.output());
    }
  }

  /**
   * A skipped file is a commit let through unchecked, and pre-commit shows nobody a passing hook's
   * notes: a failing declaration written in any way a person still reads as a declaration (a
   * byte-order mark, quoted keys, flow style, keys in the wrong letter case, UTF-16) is checked and
   * stops the commit; YAML whose only `items:` is nested (an OpenAPI schema) is still skipped.
   */
  @Test
  void aDeclarationInAnUnusualLayoutIsCheckedNotSkipped() throws Exception {
    String bad = Files.readString(HOME.resolve("rules/tests/access/fail-hs.yaml"));
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = bad.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = java.util.Arrays.copyOf(bom, bom.length + text.length);
    System.arraycopy(text, 0, withBom, bom.length, text.length);
    files.put("bom.yaml", withBom);
    files.put(
        "quoted.yaml",
        bad.replaceAll("(?m)^([A-Za-z]+):", "\"$1\":").getBytes(StandardCharsets.UTF_8));
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(bad);
    files.put("flow.yaml", new ObjectMapper().writeValueAsBytes(tree));
    files.put("utf16.yaml", bad.getBytes(StandardCharsets.UTF_16));
    files.put(
        "upper.yml",
        bad.replaceAll("(?m)^shipDate:", "SHIPDATE:")
            .replaceAll("(?m)^items:", "Items:")
            .replaceAll("(?m)^(exporter|consignee|certificates):", "X$1:")
            .getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(repo.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(
        repo.resolve("openapi.yaml"),
        "openapi: 3.0.0\npaths: {}\ncomponents:\n  schemas:\n    Ids:\n      type: array\n"
            + "      items:\n        type: string\n");
    List<String> staged = new ArrayList<>(files.keySet());
    staged.add("openapi.yaml");
    for (String id : List.of("shipcheck", "shipcheck-jar")) {
      Run r = run(hook(id), staged);
      assertEquals(1, r.code(), id + ": " + r.output());
      for (String f : files.keySet()) {
        assertTrue(!r.output().contains("skipped " + f), id + ": " + f + "\n" + r.output());
        assertTrue(
            Pattern.compile("(?m)^(FAIL|INVALID) " + Pattern.quote(f) + "\\b")
                .matcher(r.output())
                .find(),
            id + ": " + f + " checked\n" + r.output());
      }
      assertTrue(r.output().contains("shipcheck: skipped openapi.yaml"), id + ": " + r.output());
    }
  }

  @Test
  void theJarHookNamesSHIPCHECK_JARWhenTheJarIsMissing() throws Exception {
    Files.copy(HOME.resolve("rules/tests/access/pass-wheat.yaml"), repo.resolve("good.yaml"));
    JsonNode h = hook("shipcheck-jar");
    List<String> cmd =
        new ArrayList<>(List.of(HOME.resolve(h.get("entry").asText()).toString(), "good.yaml"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
    pb.environment().put("SHIPCHECK_JAR", repo.resolve("nowhere/shipcheck.jar").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.contains("set SHIPCHECK_JAR to the path of shipcheck.jar"), out);
  }

  @Test
  void bothHooksPassGoodDeclarationsAndStopBadOnes() throws Exception {
    Files.createDirectories(repo.resolve("declarations"));
    Files.copy(
        HOME.resolve("rules/tests/access/pass-wheat.yaml"), repo.resolve("declarations/good.yaml"));
    Files.copy(
        HOME.resolve("rules/tests/access/fail-hs.yaml"), repo.resolve("declarations/bad.yml"));
    Files.writeString(repo.resolve("notes.txt"), "not a declaration");
    for (String id : List.of("shipcheck", "shipcheck-jar")) {
      Run good = run(hook(id), List.of("declarations/good.yaml", "notes.txt"));
      assertEquals(0, good.code(), id + ": " + good.output());
      assertTrue(good.output().contains("PASS declarations/good.yaml"), good.output());
      Run bad =
          run(hook(id), List.of("declarations/good.yaml", "declarations/bad.yml", "notes.txt"));
      assertEquals(1, bad.code(), id + ": " + bad.output());
      assertTrue(bad.output().contains("declarations/bad.yml:9:13: error HS-001"), bad.output());
    }
  }
}
