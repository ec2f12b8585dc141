package kz.shipcheck.pack;

import java.time.LocalDate;

/**
 * A legal act whose entry into force a rule depends on ({@code data/decrees.yaml}), e.g. GACC
 * Decree 248: registration numbers on the packaging of food produced from 2022-01-01.
 */
public record Decree(String key, String name, LocalDate inForce, String reference, String source, String basis) {

  /** True on and after the day the act entered into force. */
  public boolean inForceOn(LocalDate date) {
    return date != null && !date.isBefore(inForce);
  }
}
