package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;

/** Standard output must stay open for the rest of the program (and the test that captures it). */
final class NonClosingStream extends java.io.FilterOutputStream {
  NonClosingStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    failIfBroken();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    failIfBroken();
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /**
   * A PrintStream swallows write errors: without this check a report to a full disk or a closed
   * pipe ({@code > /dev/full}) was lost while the run exited 0.
   */
  private void failIfBroken() throws IOException {
    if (out instanceof java.io.PrintStream ps && ps.checkError()) {
      throw new IOException("standard output cannot be written (disk full or pipe closed?)");
    }
  }
}
