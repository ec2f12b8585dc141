package kz.shipcheck.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a report goes, written the only safe way for what the path names.
 *
 * <p>A regular file (or a new one) appears whole or not at all: the report is written to a
 * temporary file beside it and moved into place on {@link #commit}. An interrupted run leaves the
 * previous file (or none), never half a report; the temporary file is removed on {@link #close} if
 * not committed.
 *
 * <p>A move replaces the directory entry it lands on, so it is used for regular files only. Run as
 * root, renaming over {@code /dev/null} replaced the system's null device with a file, and over
 * {@code /dev/stdout} removed that link and printed nothing. A symbolic link (or a chain of them)
 * is followed, and the file at its end replaced, with the temporary file beside that file (a rename
 * cannot cross file systems, and the link is the user's pointer, which must stay). A character or
 * block device and a named pipe are written directly; so is any file reached through an open
 * descriptor ({@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/self/fd/N}), appended to, as a
 * shell's {@code >>} would. A folder, a socket or anything else is refused before the run starts.
 */
public final class AtomicFile implements AutoCloseable {
  /** Linux's limit on symbolic links followed in one path (ELOOP beyond it). */
  private static final int MAX_LINKS = 40;

  /** The file name part of a temporary file, in UTF-8 bytes: its name must fit in 255 bytes. */
  private static final int TEMP_NAME_BYTES = 100;

  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;

  /** Where the bytes go: replaced atomically (a regular file) or written directly. */
  private record Destination(Path path, boolean replace, boolean append) {}

  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  private AtomicFile(Destination d) throws IOException {
    this.target = d.path();
    if (d.replace()) {
      this.temp = Files.createTempFile(target.getParent(), tempPrefix(target), ".tmp");
      temp.toFile().deleteOnExit();
      this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    } else {
      this.temp = null;
      OpenOption[] how =
          d.append()
              ? new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.APPEND}
              : new OpenOption[] {StandardOpenOption.WRITE};
      this.out = new BufferedOutputStream(Files.newOutputStream(target, how), 1 << 16);
    }
  }

  /**
   * Opens {@code target} for a report. A named pipe blocks here until a reader opens it, as any
   * writer of a pipe does.
   *
   * @throws IOException when it cannot take a report; the message says why
   */
  public static AtomicFile open(Path target) throws IOException {
    return new AtomicFile(destination(target));
  }

  /**
   * Why {@code target} cannot take a report, or null when it can (as far as can be known before
   * writing). Opens nothing: opening a named pipe would wait for its reader.
   */
  public static String problem(Path target) {
    Destination d;
    try {
      d = destination(target);
    } catch (IOException e) {
      String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
      return reason == null ? e.getClass().getSimpleName() : reason;
    }
    if (!d.replace()) {
      return Files.isWritable(d.path()) ? null : "permission denied";
    }
    Path dir = d.path().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return "no such folder " + (dir == null ? "" : dir.toString());
    }
    return Files.isWritable(dir) ? null : "permission denied";
  }

  /** Decides how {@code target} is written, following its links. */
  private static Destination destination(Path target) throws IOException {
    Path path = target.toAbsolutePath();
    BasicFileAttributes followed = null;
    try {
      followed = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      // nothing there yet, or a link to nothing yet: the file at the link's end is made
    }
    if (followed != null && followed.isDirectory()) {
      throw new FileSystemException(target.toString(), null, "it is a folder");
    }
    if (followed != null && !followed.isRegularFile()) {
      int type = type(path);
      if (type == S_IFCHR || type == S_IFBLK || type == S_IFIFO || type == -1) {
        return new Destination(
            path, false, false); // (-1: no type known here; opening says the rest)
      }
      throw new FileSystemException(
          target.toString(),
          null,
          "not a regular file, a device or a pipe" + (type == S_IFSOCK ? " (a socket)" : ""));
    }
    // a regular file or nothing: follow the links to the entry to replace
    Path p = path;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (opensADescriptor(p)) {
        return new Destination(path, false, true);
      }
      if (hops == MAX_LINKS) {
        throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p));
    }
    return new Destination(p, true, false);
  }

  /**
   * Whether the link {@code p} is one of the kernel's links to an open file descriptor ({@code
   * /proc/PID/fd/N}, also reached as {@code /dev/fd/N} or {@code /dev/stdout}). The file behind it
   * is already open in this process or another (a shell's {@code > file}): it is written through
   * the descriptor's file, never replaced under it.
   */
  private static boolean opensADescriptor(Path p) {
    try {
      Path dir = p.getParent().toRealPath();
      return dir.startsWith("/proc")
          && dir.getFileName() != null
          && dir.getFileName().toString().equals("fd");
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** The file type bits of {@code p} (links followed), or -1 where the platform does not say. */
  private static int type(Path p) {
    try {
      return (Integer) Files.getAttribute(p, "unix:mode") & S_IFMT;
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | ClassCastException e) {
      return -1;
    }
  }

  /**
   * ".NAME." with NAME cut to {@link #TEMP_NAME_BYTES} bytes: with the random number and ".tmp" the
   * temporary name stays far within the 255-byte limit however long the report's name is.
   */
  private static String tempPrefix(Path target) {
    String name = target.getFileName().toString();
    StringBuilder cut = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > TEMP_NAME_BYTES) {
        break;
      }
      cut.appendCodePoint(cp);
      bytes += n;
      i += Character.charCount(cp);
    }
    return "." + cut + ".";
  }

  public OutputStream stream() {
    return out;
  }

  /**
   * Flushes and moves the file into place (or, written directly, flushes and closes). The report
   * gets the permissions of the file it replaces, or rw-r--r-- when new: a temporary file is
   * created private (rw-------), which a report shared with a team or a CI server must not keep.
   */
  public void commit() throws IOException {
    out.flush();
    out.close();
    if (temp == null) {
      committed = true;
      return;
    }
    try {
      Set<PosixFilePermission> mode =
          Files.exists(target, LinkOption.NOFOLLOW_LINKS)
              ? Files.getPosixFilePermissions(target)
              : PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(temp, mode);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions stand
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() {
    if (!committed) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the temporary file is being discarded anyway (written directly: nothing to undo)
      }
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // deleteOnExit remains as a last resort
        }
      }
    }
  }
}
