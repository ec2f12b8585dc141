package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.Set;

/**
 * A legal act whose entry into force a rule depends on ({@code data/decrees.yaml}), e.g. GACC
 * Decree 248: registration numbers on the packaging of food produced from 2022-01-01.
 */
public record Decree(
    String key, String name, LocalDate inForce, String reference, String source, String basis) {

  /** True on and after the day the act entered into force. */
  public boolean inForceOn(LocalDate date) {
    return date != null && !date.isBefore(inForce);
  }

  /** The fields a row of {@code ReferenceData.DECREES} may have. */
  static final Set<String> FIELDS =
      Set.of("key", "name", "inForce", "reference", "source", "basis");

  /** Reads one row of the pack's table, throwing at its first problem. */
  static Decree read(DataRow r) throws PackException {
    String key = r.text("key", true);
    return new Decree(
        key,
        r.text("name", true),
        r.date("inForce", true),
        r.text("reference", true),
        r.text("source", true),
        r.text("basis", true));
  }
}
