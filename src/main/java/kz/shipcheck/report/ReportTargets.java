package kz.shipcheck.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Summary;

/**
 * The reports one run writes, all fed the same results: the main one (standard output or {@code
 * --output}) and every {@code --report FORMAT=FILE}. A file is written atomically: it is replaced
 * only by a complete report. A report that cannot be written is marked failed with one line saying
 * why, and the others go on; once none is left, {@link #accept} says so and the run can stop.
 */
public final class ReportTargets implements AutoCloseable {
  /**
   * One report: its format, its file (null for standard output), and how the command line named it,
   * for error lines.
   */
  public record Spec(Format format, Path file, String label) {}

  /** Reports that cannot all be written, whatever happens: the message says which and why. */
  public static final class Clash extends Exception {
    Clash(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Target {
    final Spec spec;
    AtomicFile atomic;
    OutputStream stream;
    Reporter reporter;
    String error;

    Target(Spec spec) {
      this.spec = spec;
    }

    boolean live() {
      return error == null;
    }

    void fail(String reason) {
      if (error == null) {
        error =
            spec.file() == null
                ? "cannot write the report to standard output: " + reason
                : spec.label() + ": cannot write " + spec.file() + ": " + reason;
      }
    }

    void close() {
      if (reporter != null) {
        reporter.close();
      }
      if (atomic != null) {
        atomic.close(); // removes the temporary file unless committed
      }
    }
  }

  private final List<Target> targets = new ArrayList<>();

  /**
   * The reports to write, checked before anything runs: two reports naming one file are a clash,
   * and a report whose file cannot be written at all (a folder, a socket, a folder that does not
   * exist or cannot be written: {@link AtomicFile#problem}) is marked failed at once.
   */
  public ReportTargets(List<Spec> specs) throws Clash {
    Set<Path> seen = new HashSet<>();
    for (Spec s : specs) {
      if (s.file() != null && !seen.add(sameFileKey(s.file()))) {
        throw new Clash(
            s.label() + ": " + s.file() + " is named twice; each report needs its own file");
      }
      Target t = new Target(s);
      String problem = s.file() == null ? null : AtomicFile.problem(s.file());
      if (problem != null) {
        t.fail(problem);
      }
      targets.add(t);
    }
  }

  /**
   * One key for every name of the same regular file: a link and its target, or two links to one
   * file, would have two reports replace each other. (A device such as /dev/null may take several
   * reports under different names.)
   */
  private static Path sameFileKey(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return file.toRealPath();
      }
    } catch (IOException | SecurityException e) {
      // gone meanwhile: its name is the key
    }
    return file.toAbsolutePath().normalize();
  }

  /** Whether some report can still be written. */
  public boolean anyLive() {
    return targets.stream().anyMatch(Target::live);
  }

  /** Why the main report cannot be written, or null. */
  public String mainError() {
    return targets.get(0).error;
  }

  /**
   * Opens every report still live; one that cannot be opened is marked failed, the others go on.
   */
  public void open(OutputStream stdout, ReportContext context) {
    for (Target t : targets) {
      if (!t.live()) {
        continue;
      }
      try {
        if (t.spec.file() == null) {
          t.stream = new BufferedOutputStream(new NonClosingStream(stdout), 1 << 16);
        } else {
          t.atomic = AtomicFile.open(t.spec.file());
          t.stream = t.atomic.stream();
        }
        t.reporter = t.spec.format().create(t.stream, context);
      } catch (IOException e) {
        t.fail(reason(e));
      }
    }
  }

  /** Hands a result to every live report; false once no report can take more. */
  public boolean accept(DeclarationResult r) {
    for (Target t : targets) {
      if (t.live()) {
        try {
          t.reporter.result(r);
        } catch (IOException e) {
          t.fail(reason(e));
        }
      }
    }
    return anyLive();
  }

  /** Completes every live report and commits its file. */
  public void finish(Summary summary, WaiverNotes notes) {
    for (Target t : targets) {
      if (t.live()) {
        try {
          t.reporter.finish(summary, notes);
          t.stream.flush();
          if (t.atomic != null) {
            t.atomic.commit();
          }
        } catch (IOException e) {
          t.fail(reason(e));
        }
      }
    }
  }

  /** One line per report that could not be written, in the order the reports were given. */
  public List<String> errors() {
    return targets.stream().filter(t -> !t.live()).map(t -> t.error).toList();
  }

  @Override
  public void close() {
    for (Target t : targets) {
      t.close();
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
