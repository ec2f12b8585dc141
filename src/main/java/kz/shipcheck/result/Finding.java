package kz.shipcheck.result;

import java.util.Comparator;

/**
 * One thing a rule (or the reader) found in a declaration: an immutable value with the rule's id,
 * the place in the file, and the protocol it comes from.
 *
 * @param path field path such as {@code items[0].hsCode}; for a missing field, the path it should
 *     have; empty for the whole document
 * @param line 1-based line of the value (of its parent for a missing field)
 * @param basis fact, approx or model (docs/rule-pack.md, "What it is")
 * @param hint how to fix it, or null
 * @param waived the waiver that accepts it, or null
 */
public record Finding(
    String rule,
    Severity severity,
    String message,
    String path,
    int line,
    int column,
    String reference,
    String basis,
    String hint,
    Waived waived) {

  /** Report order: line, column, rule, path, message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparingInt(Finding::line)
          .thenComparingInt(Finding::column)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::path)
          .thenComparing(Finding::message);

  public Finding withWaiver(Waived w) {
    return new Finding(rule, severity, message, path, line, column, reference, basis, hint, w);
  }

  public boolean isWaived() {
    return waived != null;
  }
}
