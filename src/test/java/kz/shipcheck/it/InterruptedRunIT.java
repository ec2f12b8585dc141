package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.shipcheck.bench.DeclarationGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run: the packaged jar gets SIGINT while it is writing its reports.
 * Every report file must be the previous one (or absent), never half written, and no temporary
 * file may be left beside them or in the temporary folder (the json report's spool).
 */
class InterruptedRunIT {
  static final Path JAR = Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar")).toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void ctrlCLeavesThePreviousReportsAndNoTemporaryFiles() throws Exception {
    Path input = tmp.resolve("declarations");
    new DeclarationGenerator(Path.of("rules"), 3).write(30_000, input);
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("report.json"), "previous json\n");
    Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp")); // where the json report spools
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + javaTmp, "-jar", JAR.toString(), "check", input.toString(), "--quiet", "--jobs", "1",
        "--format", "json", "--output", out.resolve("report.json").toString(),
        "--report", "csv=" + out.resolve("report.csv"))
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    // wait until the reports are being written (their temporary files exist), then interrupt
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (temporaryFiles(out).size() < 2 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "the run ended before it could be interrupted:\n"
        + Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8));
    Thread.sleep(300); // some results are in the temporary files now
    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES), "SIGINT did not stop the run");
    assertTrue(p.exitValue() != 0 && p.exitValue() != 1, "interrupted, exit " + p.exitValue());
    assertEquals("previous json\n", Files.readString(out.resolve("report.json")));
    assertTrue(Files.notExists(out.resolve("report.csv")), "no half csv");
    assertEquals(List.of(), temporaryFiles(out));
    try (Stream<Path> left = Files.list(javaTmp)) {
      assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("shipcheck-")).toList(),
          "no spool file left");
    }
  }

  static List<Path> temporaryFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
