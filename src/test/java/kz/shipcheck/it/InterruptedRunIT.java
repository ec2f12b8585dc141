package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import kz.shipcheck.bench.DeclarationGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGKILL in the middle of a run of the packaged jar. After Ctrl-C every report file
 * must be the previous one (or absent), never half written, and no temporary file may be left
 * beside them or in the temporary folder (the json report's spool). After SIGKILL a spool stays
 * behind, and the next run removes it, but never a spool of a live process.
 *
 * <p>No step waits for a time: each run reads its last input from standard input, which the test
 * holds open, so the run is certainly still going when it is interrupted, however fast or slow the
 * machine.
 */
class InterruptedRunIT {
  static final Path JAR =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path tmp;

  /**
   * Starts a check of {@code input} and then of standard input, which stays open until the run
   * ends.
   */
  private Process start(Path javaTmp, Path input, String... options) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                JAVA,
                "-Djava.io.tmpdir=" + javaTmp,
                "-jar",
                JAR.toString(),
                "check",
                input.toString(),
                "-",
                "--quiet",
                "--jobs",
                "1"));
    cmd.addAll(List.of(options));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("log.txt").toFile())
        .start();
  }

  /** Waits until {@code ready} (a hang guard of minutes, never an assertion about speed). */
  private void await(Process p, BooleanSupplier ready) throws Exception {
    long guard = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!ready.getAsBoolean()) {
      assertTrue(
          p.isAlive(),
          "the run ended:\n" + Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8));
      assertTrue(System.nanoTime() < guard, "nothing happened in 5 minutes");
      Thread.sleep(20);
    }
  }

  @Test
  void ctrlCLeavesThePreviousReportsAndNoTemporaryFiles() throws Exception {
    Path input = tmp.resolve("declarations");
    new DeclarationGenerator(Path.of("rules"), 3).write(3_000, input);
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("report.json"), "previous json\n");
    Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp")); // where the json report spools
    Process p =
        start(
            javaTmp,
            input,
            "--format",
            "json",
            "--output",
            out.resolve("report.json").toString(),
            "--report",
            "csv=" + out.resolve("report.csv"));
    // the folder's results are in the temporary files (the csv's has passed its 64 KB buffer)
    await(
        p,
        () ->
            temporaryFiles(out).size() == 2
                && temporaryFiles(out).stream()
                    .anyMatch(
                        f ->
                            f.getFileName().toString().startsWith(".report.csv.")
                                && size(f) > 64 * 1024));
    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES), "SIGINT did not stop the run");
    assertTrue(p.exitValue() != 0 && p.exitValue() != 1, "interrupted, exit " + p.exitValue());
    assertEquals("previous json\n", Files.readString(out.resolve("report.json")));
    assertTrue(Files.notExists(out.resolve("report.csv")), "no half csv");
    assertEquals(List.of(), temporaryFiles(out));
    assertEquals(List.of(), spools(javaTmp), "no spool file left");
  }

  @Test
  void theNextRunRemovesTheSpoolsOfKilledRunsOnly() throws Exception {
    Path input = tmp.resolve("declarations");
    new DeclarationGenerator(Path.of("rules"), 5).write(200, input);
    Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp"));
    Path report = tmp.resolve("report.json");
    Process killed = start(javaTmp, input, "--format", "json", "--output", report.toString());
    await(killed, () -> spools(javaTmp).size() == 1);
    Path stale = spools(javaTmp).get(0);
    assertEquals(
        "shipcheck-" + killed.pid() + "-",
        stale.getFileName().toString().replaceAll("[0-9]+\\.spool$", ""));
    killed.destroyForcibly(); // SIGKILL: nothing of the run's own clean-up happens
    assertTrue(killed.waitFor(1, TimeUnit.MINUTES));
    assertEquals(List.of(stale), spools(javaTmp), "SIGKILL leaves the spool behind");
    // a spool named for a live process (this test's JVM) is another run's, in use
    Path live =
        Files.writeString(
            javaTmp.resolve("shipcheck-" + ProcessHandle.current().pid() + "-1.spool"), "in use");
    Path other = Files.writeString(javaTmp.resolve("shipcheck-notes.spool"), "not a spool's name");

    Process next =
        new ProcessBuilder(
                JAVA,
                "-Djava.io.tmpdir=" + javaTmp,
                "-jar",
                JAR.toString(),
                "check",
                input.toString(),
                "--quiet",
                "--format",
                "json",
                "--output",
                report.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log.txt").toFile())
            .start();
    assertTrue(next.waitFor(5, TimeUnit.MINUTES), "the run did not end");
    assertTrue(
        next.exitValue() <= 1, Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8));
    assertEquals(
        List.of(live), spools(javaTmp), "the killed run's spool is gone, the live one's kept");
    assertTrue(Files.exists(other));
  }

  static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }

  static List<Path> spools(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("shipcheck-[0-9]+-[0-9]+\\.spool"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  static List<Path> temporaryFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }
}
