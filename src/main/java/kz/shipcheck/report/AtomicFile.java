package kz.shipcheck.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A report file that appears whole or not at all: written to a temporary file beside the target
 * and moved into place on {@link #commit}. An interrupted run leaves the previous file (or none),
 * never half a report; the temporary file is removed on {@link #close} if not committed.
 */
public final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  public AtomicFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".tmp");
    temp.toFile().deleteOnExit();
    this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
  }

  public OutputStream stream() {
    return out;
  }

  /**
   * Flushes and moves the file into place. The report gets the permissions of the file it
   * replaces, or rw-r--r-- when new: a temporary file is created private (rw-------), which a
   * report shared with a team or a CI server must not keep.
   */
  public void commit() throws IOException {
    out.flush();
    out.close();
    try {
      Set<PosixFilePermission> mode =
          Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
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
        // the temporary file is being discarded anyway
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // deleteOnExit remains as a last resort
      }
    }
  }
}
