package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.Set;

/**
 * A row of the establishment register (docs/register-format.md). It covers a product on date D when
 * the product is listed, {@code listedOn} ≤ D, and either the status is active or D is before
 * {@code statusSince}.
 */
public record RegisterEntry(
    String registration,
    String name,
    String bin,
    String region,
    Set<String> products,
    LocalDate listedOn,
    String status,
    LocalDate statusSince,
    int line) {

  /** Not suspended or withdrawn on this date. */
  public boolean activeOn(LocalDate date) {
    return "active".equals(status) || date.isBefore(statusSince);
  }

  public boolean listedBy(LocalDate date) {
    return !date.isBefore(listedOn);
  }

  /** Covers the product on the date (docs/register-format.md): listed for it, by then, active. */
  public boolean covers(String product, LocalDate date) {
    return products.contains(product) && listedBy(date) && activeOn(date);
  }
}
