package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report that cannot be written gives a clear {@code error:} and a non-zero exit, never a silent
 * success, and never leaves a partial report where the report belongs. (Killing the process mid-run
 * and a real file-size limit are tested on the packaged jar: ReportFaultsIT.)
 */
class ReportFaultsTest {
  @TempDir Path tmp;

  /** Standard output on a disk that fills up after {@code room} bytes. */
  private static final class FullDisk extends OutputStream {
    private int room;

    FullDisk(int room) {
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      if (room-- <= 0) {
        throw new IOException("No space left on device");
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = 0; i < len; i++) {
        write(b[off + i]);
      }
    }
  }

  private static Cli.Run runWithStdout(OutputStream stdout, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(new byte[0]));
    return new Cli.Run(code, "", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFullDiskUnderStandardOutputIsAnErrorNotASilentSuccess() {
    for (String format : List.of("text", "json", "jsonl")) {
      for (int room : new int[] {0, 100}) {
        Cli.Run r =
            runWithStdout(new FullDisk(room), "check", "--format", format, CheckCommandTest.PASS);
        assertEquals(2, r.code(), format + "/" + room + ": " + r.err());
        assertTrue(
            r.err().contains("error: cannot write the report to standard output: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
      }
    }
  }

  @Test
  void aFolderThatCannotBeWrittenIsAUsageErrorBeforeAnyWork() throws IOException {
    Path folder;
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root) {
      folder = Files.createDirectory(tmp.resolve("read-only"));
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    } else {
      // root writes through file modes; /sys refuses new files even to root
      folder = Path.of("/sys");
      assumeTrue(Files.isDirectory(folder), "no read-only folder available to root here");
    }
    Path target = folder.resolve("shipcheck-report.json");
    Cli.Run r =
        Cli.run("check", "--format", "json", "--output", target.toString(), CheckCommandTest.PASS);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: --output: cannot write " + target + ": "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(target));
    try (Stream<Path> left = Files.list(folder)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().startsWith(".shipcheck-report.json")),
          "no temporary file left");
    }
  }

  @Test
  void aFolderThatIsAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Cli.Run r =
        Cli.run("check", "--output", file.resolve("report.txt").toString(), CheckCommandTest.PASS);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: --output: "), r.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aReportThatCannotBeCompletedLeavesThePreviousOne() throws IOException {
    // the target is a non-empty folder: the report is written aside, and the final move fails
    Path target = Files.createDirectory(tmp.resolve("report.json"));
    Files.writeString(target.resolve("keep.txt"), "previous");
    Cli.Run r =
        Cli.run("check", "--format", "json", "--output", target.toString(), CheckCommandTest.PASS);
    assertTrue(r.code() == 2, r.err());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertEquals("previous", Files.readString(target.resolve("keep.txt")));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(
          List.of("report.json"),
          left.map(p -> p.getFileName().toString()).toList(),
          "no temporary file left");
    }
  }
}
