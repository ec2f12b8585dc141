package kz.shipcheck.result;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over a batch, accumulated as results stream past; used by every report and by the exit
 * code. Not thread-safe: fed from the single thread that emits results in order.
 */
public final class Summary {
  private long declarations;
  private long passed;
  private long failed;
  private long invalid;
  private long waived;
  private long warnings;
  private long errors;
  private final Map<String, Long> failingRules = new TreeMap<>();

  public void add(DeclarationResult r) {
    declarations++;
    switch (r.outcome()) {
      case PASS -> passed++;
      case FAIL -> failed++;
      case INVALID -> invalid++;
    }
    for (Finding f : r.findings()) {
      if (f.isWaived()) {
        waived++;
        continue;
      }
      if (f.severity() == Severity.WARNING) {
        warnings++;
      } else if (f.severity() == Severity.ERROR) {
        errors++;
        failingRules.merge(f.rule(), 1L, Long::sum);
      }
    }
  }

  public long declarations() {
    return declarations;
  }

  public long passed() {
    return passed;
  }

  public long failed() {
    return failed;
  }

  public long invalid() {
    return invalid;
  }

  /** Findings accepted by a waiver. */
  public long waived() {
    return waived;
  }

  /** Unwaived warnings. */
  public long warnings() {
    return warnings;
  }

  public long errors() {
    return errors;
  }

  /** Unwaived error findings per rule id. */
  public Map<String, Long> failingRules() {
    return failingRules;
  }
}
