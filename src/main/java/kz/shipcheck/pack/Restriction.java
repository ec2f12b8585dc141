package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.List;

/**
 * A zone restriction: a disease or pest shuts products out of regions for a period (start
 * inclusive, end exclusive, open-ended when {@code to} is null).
 *
 * @param regions region keys, or "all"
 * @param products product keys affected; empty means every product sensitive to the disease
 * @param heatExempt heat-treated goods meeting the inactivation parameters are exempt
 */
public record Restriction(
    String id,
    String disease,
    List<String> regions,
    LocalDate from,
    LocalDate to,
    List<String> products,
    boolean heatExempt,
    String reference,
    String source,
    String basis) {

  public boolean inForceOn(LocalDate date) {
    return !date.isBefore(from) && (to == null || date.isBefore(to));
  }

  public boolean affects(Product p) {
    return products.isEmpty() ? p.sensitive().contains(disease) : products.contains(p.key());
  }

  /** "until 2024-02-07" or "open-ended", for messages. */
  public String period() {
    return "from " + from + (to == null ? ", open-ended" : " until " + to);
  }
}
