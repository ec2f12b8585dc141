package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A zone restriction: a disease or pest shuts products out of regions for a period (start
 * inclusive, end exclusive, open-ended when {@code to} is null).
 *
 * @param regions region keys, or "all"; a list written before a region was split also covers the
 *     regions cut from it (see {@link ReferenceData#restrictions})
 * @param products product keys affected; empty means every product sensitive to the disease
 * @param heatExempt heat-treated goods meeting {@code inactivation} are exempt
 * @param inactivation the heat treatment that inactivates the agent; set when {@code heatExempt}
 */
public record Restriction(
    String id,
    String disease,
    List<String> regions,
    LocalDate from,
    LocalDate to,
    List<String> products,
    boolean heatExempt,
    Product.Treatment inactivation,
    String reference,
    String source,
    String basis) {

  public boolean inForceOn(LocalDate date) {
    return !date.isBefore(from) && (to == null || date.isBefore(to));
  }

  public boolean affects(Product p) {
    return products.isEmpty() ? p.sensitive().contains(disease) : products.contains(p.key());
  }

  /**
   * True when goods heat-treated at this core temperature for this long are exempt: the row says
   * {@code heatExempt} and the treatment reaches its inactivation parameters, compared as written.
   */
  public boolean exempts(BigDecimal coreC, BigDecimal minutes) {
    return heatExempt && inactivation != null && inactivation.metBy(coreC, minutes, null);
  }
}
