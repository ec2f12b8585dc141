package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in a batch, on the packaged jar in a child JVM: a run killed with SIGKILL while it writes
 * its report leaves the previous report or none, never half of one; a file-size limit hit while
 * writing (a full disk, as the process sees it) and a standard output on {@code /dev/full} end in
 * an error and a non-zero exit. Runs in {@code mvn verify} (failsafe), after the jar is built.
 */
class ReportFaultsIT {
  static final Path JAR = PackagedJarIT.JAR;
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static final ObjectMapper JSON = new ObjectMapper();

  /** Large enough that checking and reporting take seconds: 60 files of 500 declarations. */
  @TempDir static Path big;

  @TempDir Path dir;

  @BeforeAll
  static void generate() throws IOException {
    for (int f = 0; f < 60; f++) {
      try (Writer w =
          Files.newBufferedWriter(
              big.resolve(String.format("batch-%02d.yaml", f)), StandardCharsets.UTF_8)) {
        for (int d = 0; d < 500; d++) {
          w.write(
              "---\nid: KZ-CN-2025-"
                  + f
                  + "-"
                  + d
                  + "\nshipDate: 2025-11-12\n"
                  + "exporter: {name: Ertis Pork LLP, bin: \"190640005554\"}\n"
                  + "consignee: {name: Xi'an Chanba Trading Co., country: CN}\n"
                  + "transport: {mode: rail, borderCrossing: dostyk-alashankou, containers: [TKRU1234564]}\n"
                  + "items:\n  - {product: pork, hsCode: \"0203.29\", form: frozen, originRegion: pavlodar,"
                  + " establishment: KZ-EST-0042, netWeightKg: "
                  + (1000 + d)
                  + "}\n"
                  + "  - {product: smoked-pork, form: dried, originRegion: atlantis}\n");
        }
      }
    }
  }

  private ProcessBuilder jar(String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:-UsePerfData", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
  }

  private Optional<Path> tempOf(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target.getParent())) {
      String prefix = "." + target.getFileName() + ".";
      return files
          .filter(
              p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".tmp"))
          .findFirst();
    }
  }

  /**
   * Starts a check writing {@code format} to {@code target}, waits until its temporary report holds
   * at least {@code bytes}, then kills it with SIGKILL. The run reads standard input last, which
   * stays open: it cannot end before it is killed, however fast the machine.
   */
  private void killWhileWriting(String format, Path target, long bytes) throws Exception {
    Process p =
        jar(
                "check",
                "--no-cache",
                "--jobs",
                "1",
                "--format",
                format,
                "--output",
                target.toString(),
                big.toString(),
                "-")
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // a hang guard
      Optional<Path> temp = Optional.empty();
      while (p.isAlive() && System.nanoTime() < deadline) {
        temp = tempOf(target);
        if (temp.isPresent() && Files.exists(temp.get()) && Files.size(temp.get()) >= bytes) {
          break;
        }
        Thread.sleep(10);
      }
      assertTrue(
          p.isAlive(),
          "the run ended before it was killed\n" + Files.readString(dir.resolve("stderr.txt")));
      assertTrue(temp.isPresent(), "no temporary report appeared");
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(128 + 9, p.exitValue(), "killed by SIGKILL");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aRunKilledWhileStreamingItsReportLeavesNoReport() throws Exception {
    Path target = dir.resolve("report.jsonl");
    killWhileWriting("jsonl", target, 64 * 1024);
    assertFalse(Files.exists(target), "half a report was left where the report belongs");
  }

  @Test
  void aRunKilledMidWayKeepsThePreviousReport() throws Exception {
    for (String format : List.of("json", "text")) {
      Path target = dir.resolve("report." + format);
      Files.writeString(target, "the previous report\n");
      killWhileWriting(format, target, format.equals("text") ? 64 * 1024 : 0);
      assertEquals("the previous report\n", Files.readString(target), format);
    }
  }

  @Test
  void theNextRunAfterAKillWritesAWholeReport() throws Exception {
    Path target = dir.resolve("report.json");
    killWhileWriting("json", target, 0);
    Process p =
        jar(
                "check",
                "--format",
                "json",
                "--output",
                target.toString(),
                Path.of("shipments").toAbsolutePath().toString())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertTrue(p.exitValue() <= 1, Files.readString(dir.resolve("stderr.txt")));
    JsonNode report = JSON.readTree(target.toFile());
    assertTrue(report.get("summary").get("declarations").asInt() >= 1, report.toString());
  }

  @Test
  void aFileSizeLimitHitWhileWritingIsAnErrorAndLeavesNoPartialReport() throws Exception {
    assumeTrue(new File("/bin/bash").canExecute(), "needs bash for ulimit");
    Path target = dir.resolve("report.json");
    Files.writeString(target, "the previous report\n");
    // RLIMIT_FSIZE of 512 KB with SIGXFSZ ignored: a write past it fails with EFBIG, as a full disk
    // fails with ENOSPC; no root and no special file system needed
    String cmd = "trap '' XFSZ; ulimit -f 512; exec \"$@\"";
    List<String> full =
        new ArrayList<>(
            List.of(
                "/bin/bash",
                "-c",
                cmd,
                "bash",
                JAVA,
                "-XX:-UsePerfData",
                "-jar",
                JAR.toString(),
                "check",
                "--no-cache",
                "--format",
                "jsonl",
                "--output",
                target.toString(),
                big.toString()));
    Process p =
        new ProcessBuilder(full)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not finish");
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertEquals(2, p.exitValue(), err);
    assertTrue(err.contains("error: --output: cannot write " + target + ": "), err);
    assertTrue(err.contains("File too large"), err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    assertEquals("the previous report\n", Files.readString(target));
    assertTrue(tempOf(target).isEmpty(), "the temporary report was removed");
  }

  @Test
  void standardOutputOnAFullDeviceIsAnError() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "no /dev/full here");
    Process p =
        new ProcessBuilder(
                JAVA,
                "-XX:-UsePerfData",
                "-jar",
                JAR.toString(),
                "check",
                "--format",
                "jsonl",
                Path.of("shipments").toAbsolutePath().toString())
            .directory(dir.toFile())
            .redirectOutput(full)
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertEquals(2, p.exitValue(), err);
    assertTrue(
        err.contains(
            "error: cannot write the report to standard output: standard output cannot be written"),
        err);
  }

  /**
   * {@code /dev/stdout} and {@code /dev/stderr} are links to this process's descriptors 1 and 2 (a
   * pipe, a terminal or a file): the reports named by them must reach them, the links left alone.
   * Renaming a finished report over {@code /dev/stdout} (as root) once removed the link and printed
   * nothing, exit 0.
   */
  @Test
  void reportsNamedByStandardOutputAndErrorReachThem() throws Exception {
    String shipments = Path.of("shipments").toAbsolutePath().toString();
    int results;
    try (Stream<Path> files = Files.list(Path.of(shipments))) {
      results = (int) files.filter(f -> f.toString().endsWith(".yaml")).count();
    }
    for (boolean stdoutIsAFile : new boolean[] {false, true}) {
      Path err = dir.resolve("stderr.txt"); // a file: reached through /dev/stderr, appended to
      ProcessBuilder pb =
          new ProcessBuilder(
                  JAVA,
                  "-XX:-UsePerfData",
                  "-jar",
                  JAR.toString(),
                  "check",
                  "--quiet",
                  "--output",
                  dir.resolve("r.txt").toString(),
                  "--report",
                  "sarif=/dev/stdout",
                  "--report",
                  "jsonl=/dev/stderr",
                  shipments)
              .directory(dir.toFile())
              .redirectError(err.toFile());
      if (stdoutIsAFile) {
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
      }
      Process p = pb.start();
      String out =
          stdoutIsAFile
              ? ""
              : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      if (stdoutIsAFile) {
        out = Files.readString(dir.resolve("stdout.txt"));
      }
      String errText = Files.readString(err);
      assertEquals(1, p.exitValue(), errText);
      JsonNode sarif = JSON.readTree(out);
      assertEquals("2.1.0", sarif.get("version").asText(), out);
      List<String> lines = errText.lines().toList();
      assertTrue(
          lines.size() >= results && lines.stream().allMatch(l -> l.startsWith("{\"file\":")),
          errText);
      assertTrue(Files.readString(dir.resolve("r.txt")).contains(" passed, "));
      assertTrue(
          Files.isSymbolicLink(Path.of("/dev/stdout"))
              && Files.isSymbolicLink(Path.of("/dev/stderr")));
      try (Stream<Path> left = Files.list(dir)) {
        assertTrue(left.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary file");
      }
    }
  }

  /**
   * {@code shipcheck check BIG | head -1}: once the reader has closed the pipe, no report can take
   * another result, and the run stops instead of checking the rest of the batch. What is observed
   * is how far the run got, never how long it took: after the first line, the pipe (64 KB), the
   * reader's buffer and shipcheck's own (64 KB each) can hold a few hundred results, not 30,000.
   */
  @Test
  void aClosedStandardOutputStopsTheRun() throws Exception {
    Process p =
        new ProcessBuilder(
                JAVA,
                "-XX:-UsePerfData",
                "-jar",
                JAR.toString(),
                "check",
                "--format",
                "jsonl",
                big.toString())
            .directory(dir.toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    try (BufferedReader head =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String first = head.readLine();
      assertTrue(first != null && first.startsWith("{\"file\":"), first);
    } // closes the pipe, as head does after its line
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not end");
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertEquals(2, p.exitValue(), err);
    Matcher stopped =
        Pattern.compile(
                "^error: cannot write the report to standard output: .*; stopped after ([0-9,]+)"
                    + " declarations\n$")
            .matcher(err);
    assertTrue(stopped.find(), "one line saying so: " + err);
    long checked = Long.parseLong(stopped.group(1).replace(",", ""));
    assertTrue(checked > 0 && checked < 60 * 500, "stopped after " + checked + " of " + 60 * 500);
    assertFalse(
        err.contains(" passed, "), "no summary of a batch that was not checked whole: " + err);
  }
}
