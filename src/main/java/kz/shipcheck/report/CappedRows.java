package kz.shipcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One table's rows, at most {@code limit} of them shown: those of failing (and invalid)
 * declarations first, in arrival order, then those of passing ones. Each kind is parked in its own
 * spool, and no more than {@code limit} of each is written, so the disk used is bounded too.
 */
final class CappedRows implements AutoCloseable {
  private final int limit;
  private Spool failing;
  private Spool passing;
  private int failingRows;
  private int passingRows;

  /** Where each parked passing row ends in its spool, to copy only as many as fit. */
  private final long[] passingEnds;

  private long passingBytes;
  private long total;

  CappedRows(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit);
    }
    this.limit = limit;
    this.passingEnds = new long[limit];
  }

  /**
   * Whether a row of this kind would be kept; when not, call {@link #skip} (and spare building it).
   */
  boolean wanted(boolean failingDeclaration) {
    return (failingDeclaration ? failingRows : passingRows) < limit;
  }

  void skip() {
    total++;
  }

  void add(boolean failingDeclaration, String row) throws IOException {
    total++;
    if (!wanted(failingDeclaration)) {
      return;
    }
    byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
    if (failingDeclaration) {
      if (failing == null) {
        failing = new Spool();
      }
      failing.stream().write(bytes);
      failingRows++;
    } else {
      if (passing == null) {
        passing = new Spool();
      }
      passing.stream().write(bytes);
      passingBytes += bytes.length;
      passingEnds[passingRows++] = passingBytes;
    }
  }

  long total() {
    return total;
  }

  /** Rows in the report: every parked failing row, then passing rows while there is room. */
  int shown() {
    return failingRows + Math.min(passingRows, limit - failingRows);
  }

  void copyTo(OutputStream out) throws IOException {
    if (failing != null) {
      failing.copyTo(out);
    }
    int room = Math.min(passingRows, limit - failingRows);
    if (room > 0) {
      passing.copyTo(out, passingEnds[room - 1]);
    }
  }

  @Override
  public void close() {
    if (failing != null) {
      failing.close();
    }
    if (passing != null) {
      passing.close();
    }
  }
}
