package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar a user runs: started with {@code java -jar} from another directory, with the rule pack
 * bundled inside it, and no logging noise on the terminal.
 */
class PackagedJarIT {
  static final Path JAR =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();

  @TempDir Path elsewhere;

  record Run(int code, String out, String err) {}

  Run java(String... args) throws IOException, InterruptedException {
    return java(Map.of(), args);
  }

  Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    cmd.addAll(List.of(args));
    Path out = elsewhere.resolve("out.txt");
    Path err = elsewhere.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(elsewhere.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void checksTheExamplesFromAnotherDirectory() throws Exception {
    Path shipments = Path.of("shipments").toAbsolutePath();
    Run r = java("check", shipments.toString());
    assertTrue(r.code() == 0 || r.code() == 1, "exit " + r.code() + "\n" + r.err());
    assertTrue(r.out().contains(" passed, "), r.out());
    assertEquals(
        "", r.err(), "nothing on stderr for a text report on stdout (no SLF4J or Drools noise)");
  }

  @Test
  void usesTheBundledPack() throws Exception {
    Run r = java("rules", "--format", "text");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("ACCESS-001"), r.out());
    assertFalse(r.err().contains("SLF4J"), r.err());
  }

  @Test
  void aPackErrorIsOneLineWithoutAStackTrace() throws Exception {
    Files.createDirectories(elsewhere.resolve("pack"));
    Run r = java("check", "--rules", "pack", Path.of("shipments").toAbsolutePath().toString());
    assertEquals(3, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: pack"), r.err());
  }

  /**
   * The bundled pack's rules are built from the model made with the jar: nothing is compiled or
   * read from the cache, and nothing is written to it.
   */
  @Test
  void theBundledPackIsBuiltIntoTheJarAndNeedsNoCache() throws Exception {
    Path cacheDir = elsewhere.resolve("cache-bundled");
    Run r =
        java(
            Map.of("SHIPCHECK_CACHE_DIR", cacheDir.toString()),
            "--debug",
            "check",
            Path.of("shipments/beef-chilled-fail.yaml").toAbsolutePath().toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("(built into shipcheck;"), r.err());
    assertTrue(r.out().contains("ACCESS-003"), r.out());
    try (var entries = Files.list(cacheDir)) {
      assertEquals(List.of(), entries.toList(), "no cache entry");
    } catch (java.nio.file.NoSuchFileException e) {
      // not even the folder
    }
  }

  /**
   * Two runs of a pack in a folder started at once on an empty cache folder: both compile (neither
   * waits for the other), both succeed alike, and a third run reads the entry instead of compiling.
   */
  @Test
  void twoRunsStartedAtOnceShareTheCacheSafely() throws Exception {
    Path cacheDir = elsewhere.resolve("cache");
    String shipments = Path.of("shipments").toAbsolutePath().toString();
    String rules = Path.of("rules").toAbsolutePath().toString();
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<String> cmd =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              JAR.toString(),
              "--debug",
              "check",
              "--rules",
              rules,
              shipments,
              "--format",
              "jsonl",
              "--quiet");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(elsewhere.toFile())
              .redirectOutput(elsewhere.resolve("out" + i + ".jsonl").toFile())
              .redirectError(elsewhere.resolve("err" + i + ".txt").toFile());
      pb.environment().put("SHIPCHECK_CACHE_DIR", cacheDir.toString());
      runs.add(pb.start());
    }
    for (int i = 0; i < 2; i++) {
      assertTrue(runs.get(i).waitFor(120, TimeUnit.SECONDS), "run " + i + " did not finish");
      assertEquals(
          1, runs.get(i).exitValue(), Files.readString(elsewhere.resolve("err" + i + ".txt")));
    }
    assertEquals(
        Files.readString(elsewhere.resolve("out0.jsonl")),
        Files.readString(elsewhere.resolve("out1.jsonl")));
    try (var entries = Files.list(cacheDir)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).toList();
      assertEquals(1, names.size(), "one entry and no temporary file: " + names);
      assertTrue(
          names.get(0).startsWith("pack-") && names.get(0).endsWith(".bin"), names.toString());
    }
    ProcessBuilder third =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--debug",
                "check",
                "--rules",
                rules,
                shipments,
                "--format",
                "jsonl",
                "--quiet")
            .directory(elsewhere.toFile())
            .redirectOutput(elsewhere.resolve("out2.jsonl").toFile())
            .redirectError(elsewhere.resolve("err2.txt").toFile());
    third.environment().put("SHIPCHECK_CACHE_DIR", cacheDir.toString());
    Process p = third.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String debug = Files.readString(elsewhere.resolve("err2.txt"));
    assertTrue(debug.contains("(from the cache;"), debug);
    assertEquals(
        Files.readString(elsewhere.resolve("out0.jsonl")),
        Files.readString(elsewhere.resolve("out2.jsonl")));
  }
}
