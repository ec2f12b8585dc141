package kz.shipcheck.result;

import java.util.List;
import java.util.Locale;

/**
 * The verdict policy ({@code --fail-on}): which findings fail their declaration, and whether a run
 * with failed or invalid declarations fails as a whole. Every outcome and every exit status is
 * decided here and nowhere else, so a declaration a report shows as passed never fails the run.
 */
public enum FailOn {
  /** Unwaived errors fail a declaration; a failed or invalid declaration fails the run. */
  ERROR(Severity.ERROR, true),
  /** Unwaived errors and warnings fail a declaration; a failed or invalid one fails the run. */
  WARNING(Severity.WARNING, true),
  /**
   * Declarations are judged as under {@link #ERROR}, but the run never fails (to publish reports).
   */
  NEVER(Severity.ERROR, false);

  private final Severity threshold;
  private final boolean failsRun;

  FailOn(Severity threshold, boolean failsRun) {
    this.threshold = threshold;
    this.failsRun = failsRun;
  }

  /** The name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this finding fails its declaration: not waived, and at least as serious as the
   * threshold.
   */
  public boolean blocks(Finding f) {
    return !f.isWaived() && f.severity().compareTo(threshold) <= 0;
  }

  /** The outcome of a declaration that could be read: fail when any of its findings blocks. */
  public Outcome outcome(List<Finding> findings) {
    for (Finding f : findings) {
      if (blocks(f)) {
        return Outcome.FAIL;
      }
    }
    return Outcome.PASS;
  }

  /**
   * Whether a run with these counts passes: no failed or invalid declaration, or {@link #NEVER}.
   */
  public boolean passes(Summary s) {
    return !failsRun || s.failed() + s.invalid() == 0;
  }
}
