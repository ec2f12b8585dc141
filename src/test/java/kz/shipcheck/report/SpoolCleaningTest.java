package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stale spools (left by a run killed with SIGKILL) are removed, and nothing else: not a live
 * process's, not one locked by anyone, not a file of another name, not a link, not another user's.
 * (The whole story on the packaged jar, with its temporary folder: InterruptedRunIT.)
 */
class SpoolCleaningTest {
  @TempDir Path tmp;

  /** The PID of a process that has ended. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void onlyTheSpoolsOfEndedProcessesAreRemoved() throws Exception {
    long dead = deadPid();
    Process live = new ProcessBuilder("cat").start(); // alive until its input closes
    try {
      Files.writeString(tmp.resolve("shipcheck-" + dead + "-123.spool"), "stale");
      Files.writeString(tmp.resolve("shipcheck-" + live.pid() + "-456.spool"), "in use");
      Files.writeString(
          tmp.resolve("shipcheck-" + ProcessHandle.current().pid() + "-789.spool"), "this run's");
      Files.writeString(tmp.resolve("shipcheck-" + dead + "-1.spool.bak"), "another name");
      Files.writeString(tmp.resolve("shipcheck-x" + dead + "-1.spool"), "another name");
      Files.writeString(tmp.resolve("other-" + dead + "-1.spool"), "another name");
      Files.createSymbolicLink(
          tmp.resolve("shipcheck-" + dead + "-2.spool"), tmp.resolve("other-" + dead + "-1.spool"));
      UserPrincipal me =
          Files.getOwner(
              tmp.resolve("shipcheck-" + dead + "-123.spool"), LinkOption.NOFOLLOW_LINKS);

      assertEquals(1, Spool.cleanStale(tmp, me, ProcessHandle.current().pid()));
      assertEquals(
          Stream.of(
                  "other-" + dead + "-1.spool",
                  "shipcheck-" + dead + "-1.spool.bak",
                  "shipcheck-" + dead + "-2.spool",
                  "shipcheck-" + live.pid() + "-456.spool",
                  "shipcheck-" + ProcessHandle.current().pid() + "-789.spool",
                  "shipcheck-x" + dead + "-1.spool")
              .sorted()
              .toList(),
          names());
    } finally {
      live.destroy();
    }
  }

  @Test
  @SuppressWarnings("try") // the lock is held by being open, never read
  void aLockedSpoolIsKeptWhateverItsPid() throws Exception {
    // a live process whose PID this one cannot see (another PID namespace) still holds its lock
    Path spool = Files.writeString(tmp.resolve("shipcheck-" + deadPid() + "-1.spool"), "in use");
    UserPrincipal me = Files.getOwner(spool);
    try (FileChannel ch = FileChannel.open(spool, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      assertEquals(0, Spool.cleanStale(tmp, me, ProcessHandle.current().pid()));
      assertTrue(Files.exists(spool));
    }
    assertEquals(
        1, Spool.cleanStale(tmp, me, ProcessHandle.current().pid()), "unlocked, it is stale");
  }

  @Test
  void anotherUsersSpoolIsKept() throws Exception {
    Path spool =
        Files.writeString(tmp.resolve("shipcheck-" + deadPid() + "-1.spool"), "someone else's");
    UserPrincipal me = Files.getOwner(spool);
    UserPrincipal other =
        tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
    try {
      Files.setOwner(spool, other);
    } catch (IOException e) {
      // not root: pretend to be someone else instead
      other = me;
      me = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
    }
    assertEquals(0, Spool.cleanStale(tmp, me, ProcessHandle.current().pid()));
    assertTrue(Files.exists(spool));
  }

  @Test
  void aSpoolIsNamedForItsProcessAndRemovedWhenClosed() throws Exception {
    Spool s = new Spool();
    s.writer().write("line 1\nline 2\n");
    try (var in = s.reader()) {
      assertEquals(List.of("line 1", "line 2"), in.lines().toList());
    }
    s.close();
    try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertTrue(
          left.map(p -> p.getFileName().toString())
              .noneMatch(n -> n.startsWith("shipcheck-" + ProcessHandle.current().pid() + "-")),
          "removed");
    }
  }
}
