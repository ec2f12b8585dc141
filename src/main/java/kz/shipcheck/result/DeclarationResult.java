package kz.shipcheck.result;

import java.math.BigDecimal;
import java.util.List;

/**
 * The verdict on one document (or on a file that could not be read at all); its outcome is decided
 * by the run's {@link FailOn}.
 *
 * @param file the path as given on the command line, joined with the path inside a folder; "-" for
 *     stdin
 * @param document 1-based position of the document in its file
 * @param id the declaration id, or null when it could not be read
 * @param facts what the batch summary counts (products, border crossing, value); never reported
 */
public record DeclarationResult(
    String file, int document, String id, Outcome outcome, List<Finding> findings, Facts facts) {

  public DeclarationResult {
    findings = List.copyOf(findings);
  }

  /** Summary facts of a readable declaration; empty for invalid ones. */
  public record Facts(List<String> products, String borderCrossing, List<Money> values) {
    public static final Facts NONE = new Facts(List.of(), null, List.of());
  }

  /** A declared amount in its currency, the exact decimal written. */
  public record Money(BigDecimal amount, String currency) {}
}
