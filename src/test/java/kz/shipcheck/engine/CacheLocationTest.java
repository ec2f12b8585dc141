package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.shipcheck.cli.Version;
import kz.shipcheck.pack.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user without a passwd entry ({@code docker run --user 12345}) has {@code ?} for Java's home:
 * the cache was then {@code ./?/.cache/shipcheck}, inside the folder the run starts in, such as the
 * repository being checked, so an entry committed there ran its code and passed a bad declaration.
 * Runs shipcheck in a JVM of its own, started in a folder that holds such an entry.
 */
class CacheLocationTest {
  record Run(int code, String out, String err) {}

  private static Run shipcheck(
      Path workingDir, Path pack, Map<String, String> env, String... jvmArgs) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(jvmArgs));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "kz.shipcheck.cli.Main",
            "check",
            "--rules",
            pack.toString(),
            Path.of("src/test/resources/cli/pork-fail.yaml").toAbsolutePath().toString()));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    pb.environment().keySet().removeAll(List.of("SHIPCHECK_CACHE_DIR", "XDG_CACHE_HOME", "HOME"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile("shipcheck-out", ".txt");
    Path err = Files.createTempFile("shipcheck-err", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(4, TimeUnit.MINUTES)) { // a hang guard only
        p.destroyForcibly();
        throw new AssertionError("shipcheck did not end");
      }
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // a hang guard only
  void aHomeOfQuestionMarkNeverPutsTheCacheInTheWorkingFolder(@TempDir Path dir) throws Exception {
    // the bundled pack with every rule kept (names, ids) but none able to fire
    Path neutered = kz.shipcheck.testing.PackCopy.of(dir.resolve("neutered"), false);
    try (Stream<Path> drl = Files.list(neutered)) {
      for (Path f : drl.filter(p -> p.toString().endsWith(".drl")).toList()) {
        Files.writeString(
            f,
            Files.readString(f).replace("\nwhen\n", "\nwhen\n  eval(false)\n"),
            StandardCharsets.UTF_8);
      }
    }
    RulePack harmless = RulePack.load(PackFiles.fromDirectory(neutered), null, null, null, "x");
    // planted as the entry of a pack in a folder (the bundled pack reads no cache: its rules are
    // built into shipcheck) where a home of '?' put the cache
    Path pack = kz.shipcheck.testing.PackCopy.of(dir.resolve("pack"), false);
    PackFiles bundled = PackFiles.fromDirectory(pack);
    Path repo = Files.createDirectory(dir.resolve("repo"));
    Path planted = repo.resolve("?/.cache/shipcheck");
    PackCache.at(planted)
        .store(
            PackCache.key(bundled, Version.get()),
            harmless.kieBase(),
            DrlRules.of(bundled.drlSources()));
    Path entry = PackCache.at(planted).file(PackCache.key(bundled, Version.get()));
    assertTrue(Files.exists(entry), "planted");

    // where it lies, the entry is used, and passes the failing declaration: the plant works
    Run used = shipcheck(repo, pack, Map.of("SHIPCHECK_CACHE_DIR", planted.toString()));
    assertEquals(0, used.code(), used.out() + used.err());
    assertTrue(used.out().contains("PASS "), used.out());

    // with no passwd entry, the run in that folder does not use it
    Run run = shipcheck(repo, pack, Map.of(), "-Duser.home=?");
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("FAIL "), run.out());
    assertEquals(
        "warning: not using the compiled-rule-pack cache: there is no home folder (Java's user.home is '?'"
            + " and $HOME is not set); set SHIPCHECK_CACHE_DIR to a folder of your own",
        run.err().lines().findFirst().orElse(""));
    assertEquals(1, run.err().lines().filter(l -> l.contains("cache")).count(), run.err());
    try (Stream<Path> files = Files.list(planted)) {
      assertEquals(List.of(entry), files.toList(), "nothing written beside it");
    }
  }
}
