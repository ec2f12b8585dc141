package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code --output} and {@code --report FORMAT=PATH} may point. Only a regular file (or a new
 * one) is replaced atomically; a pipe or a device is written directly and stays what it was; a
 * symbolic link (or a chain of them) is followed and its final target replaced, the links kept; a
 * folder or a socket is refused with exit 2. The device case runs as root only: it makes a twin of
 * {@code /dev/null} in a temporary folder, never touching the real one. (The {@code /dev/stdout}
 * case runs on the packaged jar: ReportFaultsIT.)
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard: a FIFO nobody reads blocks its writer
class OutputTargetsTest {
  static final String PASS = CheckCommandTest.PASS;

  /** The file type bits of stat(2)'s st_mode, from the "unix" attribute view (follows links). */
  static int type(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
  }

  static final int FIFO = 0010000;
  static final int CHAR_DEVICE = 0020000;

  @TempDir Path tmp;

  private List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  @Test
  void aNamedPipeIsWrittenDirectlyAndStaysAPipe() throws Exception {
    Path fifo = tmp.resolve("report.pipe");
    assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is not available");
    // the reader must open the pipe before the writer's open returns: read on a thread of its own
    CompletableFuture<String> read =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    Cli.Run r = Cli.run("check", PASS, "--format", "jsonl", "--output", fifo.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals(FIFO, type(fifo), "still a named pipe");
    String report = read.get(1, TimeUnit.MINUTES);
    assertTrue(report.startsWith("{\"file\":") && report.contains("KZ-CN-2025-000187"), report);
    assertEquals(List.of("report.pipe"), names(tmp), "no temporary file");
  }

  @Test
  void aSymbolicLinkIsFollowedAndItsTargetReplaced() throws Exception {
    Path real = Files.writeString(tmp.resolve("report-2025-11.json"), "the previous report\n");
    Path link =
        Files.createSymbolicLink(tmp.resolve("latest.json"), Path.of("report-2025-11.json"));
    Cli.Run r = Cli.run("check", PASS, "--format", "json", "--output", link.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertEquals(Path.of("report-2025-11.json"), Files.readSymbolicLink(link));
    assertTrue(
        Files.readString(real).contains("\"declarations\""), "the target holds the new report");
    assertEquals(List.of("latest.json", "report-2025-11.json"), names(tmp), "no temporary file");
  }

  @Test
  void aChainOfLinksIsFollowedToTheFileAtItsEnd() throws Exception {
    // latest.csv -> ../links/current.csv -> /abs/reports/2025/november.csv, in three folders;
    // the temporary file must be made beside november.csv, or the final move crosses folders
    Path reports = Files.createDirectories(tmp.resolve("reports/2025"));
    Path links = Files.createDirectories(tmp.resolve("links"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path real = Files.writeString(reports.resolve("november.csv"), "old\n");
    Files.createSymbolicLink(links.resolve("current.csv"), real.toAbsolutePath());
    Path first =
        Files.createSymbolicLink(work.resolve("latest.csv"), Path.of("../links/current.csv"));
    Cli.Run r = Cli.run("check", PASS, "--format", "text", "--report", "csv=" + first, "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        Files.isSymbolicLink(first) && Files.isSymbolicLink(links.resolve("current.csv")),
        "the links are kept");
    assertTrue(Files.readString(real).contains("KZ-CN-2025-000187"), Files.readString(real));
    assertEquals(List.of("latest.csv"), names(work));
    assertEquals(List.of("current.csv"), names(links));
    assertEquals(List.of("november.csv"), names(reports), "no temporary file");
  }

  @Test
  void aLinkToNothingYetCreatesItsTarget() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("latest.jsonl"), Path.of("first.jsonl"));
    Cli.Run r = Cli.run("check", PASS, "--format", "jsonl", "--output", link.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(tmp.resolve("first.jsonl")).contains("KZ-CN-2025-000187"));
  }

  @Test
  void aFolderOrALinkToOneIsRefused() throws Exception {
    Path folder = Files.createDirectory(tmp.resolve("report.json"));
    Path link = Files.createSymbolicLink(tmp.resolve("folder-link.json"), folder.getFileName());
    for (Path target : List.of(folder, link)) {
      Cli.Run r =
          Cli.run("check", PASS, "--format", "json", "--output", target.toString(), "--quiet");
      assertEquals(2, r.code(), r.err());
      assertEquals("error: --output: cannot write " + target + ": it is a folder\n", r.err());
      assertTrue(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS));
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(List.of("folder-link.json", "report.json"), names(tmp));
  }

  @Test
  void aSocketIsRefused() throws Exception {
    Path sock = tmp.resolve("report.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Cli.Run r = Cli.run("check", PASS, "--report", "sarif=" + sock, "--quiet");
      assertEquals(2, r.code(), r.err());
      assertTrue(
          r.err()
              .endsWith(
                  "error: --report sarif="
                      + sock
                      + ": cannot write "
                      + sock
                      + ": not a regular file, a device or a pipe (a socket)\n"),
          r.err());
      assertTrue(r.out().contains("PASS "), "the main report is still written: " + r.out());
      assertFalse(Files.isRegularFile(sock), "the socket was not replaced");
    }
  }

  @Test
  void aNameNearTheFileNameLimitIsWritten() throws Exception {
    // 250 bytes, within the 255 a Linux file name may have: the temporary name must stay within it
    // too
    String name = "r".repeat(239) + "-ü-ü.json"; // 239 + 11 bytes in UTF-8
    assertEquals(250, name.getBytes(StandardCharsets.UTF_8).length);
    Path target = tmp.resolve(name);
    Cli.Run r =
        Cli.run("check", PASS, "--format", "json", "--output", target.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(target).contains("\"declarations\""));
    assertEquals(List.of(name), names(tmp), "no temporary file");
  }

  @Test
  void aDeviceIsWrittenDirectlyAndStaysADevice() throws Exception {
    // a twin of /dev/null (character device 1,3) in the test's own folder: mknod needs root
    Path dev = tmp.resolve("null");
    assumeTrue(
        run("mknod", dev.toString(), "c", "1", "3"),
        "not root (mknod refused): the device case is skipped");
    // the second name is a link to the device: followed, the device written, the link kept
    Files.createSymbolicLink(tmp.resolve("null-link"), dev);
    Cli.Run r =
        Cli.run(
            "check",
            PASS,
            "--format",
            "json",
            "--output",
            dev.toString(),
            "--report",
            "sarif=" + dev + "-link",
            "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals(CHAR_DEVICE, type(dev), "still a character device");
    assertTrue(Files.isSymbolicLink(tmp.resolve("null-link")));
    assertEquals(0, Files.size(dev));
    assertEquals(List.of("null", "null-link"), names(tmp), "no temporary file");
  }

  @Test
  void aFileNamedTwiceThroughALinkIsRefused() throws Exception {
    // two reports into one file would interleave or overwrite each other, whatever the names
    Path real = Files.writeString(tmp.resolve("report.json"), "the previous report\n");
    Path link = Files.createSymbolicLink(tmp.resolve("latest.json"), real.getFileName());
    Cli.Run r =
        Cli.run(
            "check",
            PASS,
            "--format",
            "json",
            "--output",
            link.toString(),
            "--report",
            "json=" + real,
            "--quiet");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "error: --report json="
            + real
            + ": "
            + real
            + " is named twice; each report needs its own file\n",
        r.err());
    assertEquals("the previous report\n", Files.readString(real));
  }
}
