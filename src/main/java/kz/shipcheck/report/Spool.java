package kz.shipcheck.report;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report content parked in a temporary file until the totals that go before it are known. Formats
 * that open with a summary (json, junit, html) write their results here as they arrive and copy
 * them into the report at the end, so a million results cost disk, not heap. The file is deleted on
 * {@link #close} (and at exit, should the run be interrupted).
 *
 * <p>A run killed with SIGKILL deletes nothing: its spools stay in the temporary folder. Each spool
 * is therefore named {@code shipcheck-PID-RANDOM.spool} and locked by its process while it lives,
 * and the first spool of a run removes the stale ones: files of this user, of exactly that name,
 * whose process is gone and which nobody holds locked (the lock covers a process whose PID this one
 * cannot see, in another PID namespace sharing the folder).
 */
final class Spool implements AutoCloseable {
  /** A spool's name: the PID of the process that made it, and createTempFile's random number. */
  static final Pattern NAME = Pattern.compile("shipcheck-([1-9][0-9]{0,9})-[0-9]{1,20}\\.spool");

  private static final long PID = ProcessHandle.current().pid();
  private static boolean cleaned;

  private final Path file;
  private final FileChannel channel;
  private final OutputStream out;
  private final Writer writer;
  private boolean closedForWriting;

  Spool() throws IOException {
    this.file = Files.createTempFile("shipcheck-" + PID + "-", ".spool");
    file.toFile().deleteOnExit();
    // one channel for writing, reading back and the lock: closing any other descriptor of the file
    // would drop this process's lock on it (POSIX record locks)
    this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    channel.tryLock(); // held until the channel closes; null only if a cleaner is looking at it
    cleanOnce(file);
    this.out = new BufferedOutputStream(new ChannelStream(channel), 1 << 16);
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  /** The first spool of a run cleans the folder it is made in. */
  private static synchronized void cleanOnce(Path own) {
    if (!cleaned) {
      cleaned = true;
      try {
        cleanStale(own.getParent(), Files.getOwner(own, LinkOption.NOFOLLOW_LINKS), PID);
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // cleaning is a courtesy: a folder that cannot be listed changes nothing for this run
      }
    }
  }

  /**
   * Deletes the stale spools in {@code dir}: regular files (not links) named exactly as {@link
   * #NAME}, owned by {@code owner}, whose process is not alive, and not locked by anyone. Returns
   * how many were deleted.
   */
  static int cleanStale(Path dir, UserPrincipal owner, long ownPid) throws IOException {
    int deleted = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "shipcheck-*.spool")) {
      for (Path p : entries) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        long pid = Long.parseLong(m.group(1));
        if (pid == ownPid || ProcessHandle.of(pid).isPresent()) {
          continue; // this run's own, or a live process's (or a new process that reuses the PID)
        }
        try {
          PosixFileAttributes a =
              Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (!a.isRegularFile() || !a.owner().equals(owner)) {
            continue;
          }
          if (deleteIfUnlocked(p)) {
            deleted++;
          }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
          // gone meanwhile, or not ours to read: leave it
        }
      }
    }
    return deleted;
  }

  /** Deletes {@code p} while holding its lock; leaves it when anyone else holds one. */
  private static boolean deleteIfUnlocked(Path p) throws IOException {
    try (FileChannel ch =
        FileChannel.open(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        return false; // locked in this very process
      }
      if (lock == null) {
        return false; // locked by a live process
      }
      Files.delete(p);
      return true; // the lock goes with the channel
    }
  }

  /** The spool as text; do not mix with {@link #stream()} writes. */
  Writer writer() {
    return writer;
  }

  OutputStream stream() {
    return out;
  }

  private void endWriting() throws IOException {
    if (!closedForWriting) {
      writer.flush();
      out.flush();
      closedForWriting = true;
    }
  }

  /** The spool from its start; closing the stream leaves the channel (and its lock) open. */
  private InputStream readBack() throws IOException {
    endWriting();
    channel.position(0);
    return new FilterInputStream(Channels.newInputStream(channel)) {
      @Override
      public void close() {
        // the channel is closed with the spool
      }
    };
  }

  /** Copies everything written so far to {@code target}; ends writing. */
  void copyTo(OutputStream target) throws IOException {
    try (InputStream in = readBack()) {
      in.transferTo(target);
    }
  }

  /** Copies the first {@code bytes} bytes written to {@code target}; ends writing. */
  void copyTo(OutputStream target, long bytes) throws IOException {
    try (InputStream in = readBack()) {
      byte[] buffer = new byte[1 << 16];
      long left = bytes;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        target.write(buffer, 0, n);
        left -= n;
      }
    }
  }

  /** Reads the spool back line by line; ends writing. The caller closes the reader. */
  BufferedReader reader() throws IOException {
    return new BufferedReader(new InputStreamReader(readBack(), StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void close() {
    try {
      endWriting();
    } catch (IOException ignored) {
      // the file is being thrown away
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // deleteOnExit remains as a last resort
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // deleted already; nothing more to release
    }
  }

  /** Writes to the channel; closing it leaves the channel open for reading back. */
  private static final class ChannelStream extends OutputStream {
    private final OutputStream out;

    ChannelStream(FileChannel channel) {
      this.out = Channels.newOutputStream(channel);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() {
      // the channel is closed with the spool
    }
  }
}
