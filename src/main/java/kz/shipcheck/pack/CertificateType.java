package kz.shipcheck.pack;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A kind of certificate a declaration may carry ({@code data/certificates.yaml}) and how old one
 * may be on the ship date before the pack warns ({@code maxAgeDays}; null: no limit).
 */
public record CertificateType(String key, String name, Integer maxAgeDays, String source, String basis) {

  /** Days from issue to the date judged on (negative when issued later). */
  public static long ageDays(LocalDate issuedOn, LocalDate date) {
    return ChronoUnit.DAYS.between(issuedOn, date);
  }

  /** True when issued more than {@code maxAgeDays} days before the date. */
  public boolean tooOld(LocalDate issuedOn, LocalDate date) {
    return maxAgeDays != null && issuedOn != null && date != null && ageDays(issuedOn, date) > maxAgeDays;
  }
}
