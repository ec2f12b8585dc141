package kz.shipcheck.cli;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import kz.shipcheck.input.Source;
import kz.shipcheck.result.DeclarationResult;

/**
 * A one-line progress display on an interactive stderr: a bar, files done of the total, the
 * declarations checked, the rate and the time left. The total is counted on a background thread by
 * walking the inputs a second time; until it is known only the count and rate are shown. The line
 * is redrawn a few times a second and erased at the end, so nothing of it stays on screen or ever
 * reaches the report.
 */
final class Progress implements AutoCloseable {
  static final long TICK_MILLIS = 250;

  private final PrintStream err;
  private final LongSupplier clock;
  private final long start;
  private final AtomicLong declarations = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private volatile long totalFiles = -1;
  private final ScheduledExecutorService ticker;
  private Thread counter;

  Progress(PrintStream err, LongSupplier nanoClock) {
    this.err = err;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.ticker = null;
  }

  private Progress(PrintStream err, Iterable<Source> sources) {
    this.err = err;
    this.clock = System::nanoTime;
    this.start = clock.getAsLong();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "shipcheck-progress");
              t.setDaemon(true);
              return t;
            });
    this.counter =
        new Thread(
            () -> {
              long n = 0;
              for (Iterator<Source> it = sources.iterator();
                  it.hasNext() && !Thread.currentThread().isInterrupted(); ) {
                it.next();
                n++;
              }
              totalFiles = n;
            },
            "shipcheck-count");
    counter.setDaemon(true);
  }

  /** Starts drawing on {@code err}; {@code sources} is walked once more to count the files. */
  static Progress start(PrintStream err, Iterable<Source> sources) {
    Progress p = new Progress(err, sources);
    p.counter.start();
    p.draw();
    p.ticker.scheduleAtFixedRate(p::draw, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    return p;
  }

  /** Called for each result, in order, from the thread that emits them. */
  void result(DeclarationResult r) {
    declarations.incrementAndGet();
    if (r.document() == 1) {
      files.incrementAndGet(); // a file's results are consecutive and start at document 1
    }
  }

  void total(long n) {
    totalFiles = n;
  }

  private synchronized void draw() {
    err.print("\r" + line(clock.getAsLong()) + "\u001b[K");
    err.flush();
  }

  /** The progress line at the given time (no control characters). */
  String line(long now) {
    long decl = declarations.get();
    long done = files.get();
    long total = totalFiles;
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    double rate = decl / seconds;
    StringBuilder b = new StringBuilder();
    if (total > 0) {
      double fraction = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(fraction * 20);
      b.append('[').append("#".repeat(filled)).append(" ".repeat(20 - filled)).append("] ");
      b.append(
          String.format(
              Locale.ROOT, "%3d%%  %,d/%,d files  ", Math.round(fraction * 100), done, total));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%,d %s  %,.0f/s",
            decl,
            decl == 1 ? "declaration" : "declarations",
            rate));
    // no estimate from the first moments, while the JIT warms up and it would swing wildly
    if (total > 0 && done > 0 && done < total && (seconds >= 3 || done * 50 >= total)) {
      double left = (total - done) * seconds / done;
      b.append("  ").append(clockTime(left)).append(" left");
    } else if (total < 0) {
      b.append("  ").append(clockTime(seconds)).append(" so far");
    }
    return b.toString();
  }

  static String clockTime(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Stops drawing and erases the line. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (counter != null) {
      counter.interrupt();
    }
    synchronized (this) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
