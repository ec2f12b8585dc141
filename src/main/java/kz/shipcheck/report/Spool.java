package kz.shipcheck.report;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Report content parked in a temporary file until the totals that go before it are known. Formats
 * that open with a summary (json, junit, html) write their results here as they arrive and copy
 * them into the report at the end, so a million results cost disk, not heap. The file is deleted
 * on {@link #close} (and at exit, should the run be interrupted).
 */
final class Spool implements AutoCloseable {
  private final Path file;
  private final OutputStream out;
  private final Writer writer;
  private boolean closedForWriting;

  Spool() throws IOException {
    this.file = Files.createTempFile("shipcheck-", ".spool");
    file.toFile().deleteOnExit();
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
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
      out.close();
      closedForWriting = true;
    }
  }

  /** Copies everything written so far to {@code target}; ends writing. */
  void copyTo(OutputStream target) throws IOException {
    endWriting();
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(target);
    }
  }

  /** Reads the spool back line by line; ends writing. The caller closes the reader. */
  BufferedReader reader() throws IOException {
    endWriting();
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
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
  }
}
