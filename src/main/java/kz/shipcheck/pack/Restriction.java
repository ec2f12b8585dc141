package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** Reads the pack's zone restrictions, checking the regions and products each row names. */
  static List<Restriction> readAll(
      PackFiles pack, Map<String, Region> regions, Map<String, Product> products)
      throws PackException {
    List<Restriction> out = new ArrayList<>();
    Map<String, Boolean> ids = new HashMap<>();
    Set<String> diseases = new java.util.TreeSet<>();
    products.values().forEach(p -> diseases.addAll(p.sensitive()));
    for (DataRow r : DataRow.readList(pack, ReferenceData.RESTRICTIONS)) {
      r.allowOnly(
          Set.of(
              "id",
              "disease",
              "regions",
              "from",
              "to",
              "products",
              "heatExempt",
              "inactivation",
              "reference",
              "source",
              "basis"));
      r.requireProvenance();
      String id = r.text("id", true);
      if (ids.put(id, Boolean.TRUE) != null) {
        throw r.error("id", "duplicate id '" + id + "'");
      }
      List<String> rs = r.list("regions");
      if (rs.isEmpty()) {
        throw r.error("regions", "a restriction needs at least one region (or [all])");
      }
      for (int i = 0; i < rs.size(); i++) {
        if (!rs.get(i).equals("all") && !regions.containsKey(rs.get(i))) {
          throw r.errorAtElement("regions", i, "unknown region '" + rs.get(i) + "'");
        }
      }
      List<String> ps = r.list("products");
      for (int i = 0; i < ps.size(); i++) {
        if (!products.containsKey(ps.get(i))) {
          throw r.errorAtElement("products", i, "unknown product '" + ps.get(i) + "'");
        }
      }
      String disease = r.text("disease", true);
      if (ps.isEmpty() && !diseases.contains(disease)) {
        // without a product list the row reaches the products sensitive to the disease: a typo
        // here would silently restrict nothing
        throw r.error(
            "disease",
            "no product is sensitive to '"
                + disease
                + "'; list the products, or use one of: "
                + String.join(", ", diseases));
      }
      LocalDate from = r.date("from", true);
      LocalDate to = r.date("to", false);
      if (to != null && !from.isBefore(to)) {
        throw r.error("to", "'to' must be after 'from'");
      }
      boolean heatExempt = r.bool("heatExempt");
      Product.Treatment inactivation = null;
      DataRow t = r.child("inactivation");
      if (t != null) {
        t.allowOnly(Set.of("minCoreC", "minMinutes"));
        inactivation =
            new Product.Treatment(
                List.of(), t.decimal("minCoreC", true), t.decimal("minMinutes", true), null);
      }
      if (heatExempt && inactivation == null) {
        throw r.error(
            "heatExempt",
            "heatExempt needs the inactivation parameters, e.g. inactivation: {minCoreC: 70, minMinutes: 30}");
      }
      if (!heatExempt && inactivation != null) {
        throw r.error("inactivation", "inactivation is only read when heatExempt is true");
      }
      out.add(
          new Restriction(
              id,
              disease,
              rs,
              from,
              to,
              ps,
              heatExempt,
              inactivation,
              r.text("reference", true),
              r.text("source", true),
              r.text("basis", true)));
    }
    return List.copyOf(out);
  }
}
