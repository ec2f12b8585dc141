package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A kind of certificate a declaration may carry ({@code data/certificates.yaml}) and how old one
 * may be on the ship date before the pack warns ({@code maxAgeDays}; null: no limit).
 */
public record CertificateType(
    String key, String name, Integer maxAgeDays, String source, String basis) {

  /** Days from issue to the date judged on (negative when issued later). */
  public static long ageDays(LocalDate issuedOn, LocalDate date) {
    return ChronoUnit.DAYS.between(issuedOn, date);
  }

  /** True when issued more than {@code maxAgeDays} days before the date. */
  public boolean tooOld(LocalDate issuedOn, LocalDate date) {
    return maxAgeDays != null
        && issuedOn != null
        && date != null
        && ageDays(issuedOn, date) > maxAgeDays;
  }

  /** The fields a row of {@code ReferenceData.CERTIFICATES} may have. */
  static final Set<String> FIELDS = Set.of("key", "name", "maxAgeDays", "source", "basis");

  /** Reads one row of the pack's table, throwing at its first problem. */
  static CertificateType read(DataRow r) throws PackException {
    String key = r.text("key", true);
    // exact, so that 30.00000000000000001 is refused rather than read as 30
    BigDecimal days = r.decimal("maxAgeDays", false);
    if (days != null
        && (days.signum() < 0
            || days.stripTrailingZeros().scale() > 0
            || days.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
      throw r.error("maxAgeDays", "maxAgeDays must be a whole number of days, zero or more");
    }
    return new CertificateType(
        key,
        r.text("name", true),
        days == null ? null : days.intValueExact(),
        r.text("source", true),
        r.text("basis", true));
  }
}
