package kz.shipcheck.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import kz.shipcheck.result.Summary;

/**
 * The closing summary a batch run prints on stderr (never into the report): counts, the most
 * frequent failing rules, failures by product and by border crossing, and the total declared
 * value in US dollars at the rule pack's rates. Products, crossings and currencies are declared
 * values: they are shown through {@link Display#safe}.
 */
public final class SummaryText {
  /** How many entries each "most frequent" line names. */
  static final int TOP = 5;

  private SummaryText() {}

  /**
   * @param usdPerUnit US dollars per unit of a currency code, or null when the pack has no rate
   */
  public static String render(Summary s, Function<String, Double> usdPerUnit) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%,d %s: %,d passed, %,d failed, %,d invalid", s.declarations(),
        s.declarations() == 1 ? "declaration" : "declarations", s.passed(), s.failed(), s.invalid()));
    if (s.warnings() > 0 || s.waived() > 0) {
      b.append(String.format(Locale.ROOT, " (%,d %s, %,d waived)", s.warnings(),
          s.warnings() == 1 ? "warning" : "warnings", s.waived()));
    }
    b.append('\n');
    Map<String, Long> failedByProduct = new TreeMap<>();
    s.byProduct().forEach((k, t) -> failedByProduct.put(k, t.failed()));
    Map<String, Long> failedByCrossing = new TreeMap<>();
    s.byCrossing().forEach((k, t) -> failedByCrossing.put(k, t.failed()));
    line(b, "most frequent failing rules", s.failingRules());
    line(b, "failed declarations by product", failedByProduct);
    line(b, "failed declarations by border crossing", failedByCrossing);
    // declared amounts are exact decimals; only the rate is a double, and it is taken as written
    BigDecimal usd = BigDecimal.ZERO;
    List<String> unrated = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : s.valueByCurrency().entrySet()) {
      Double rate = usdPerUnit.apply(e.getKey());
      if (rate == null) {
        unrated.add(e.getKey());
      } else {
        usd = usd.add(e.getValue().multiply(BigDecimal.valueOf(rate)));
      }
    }
    if (!s.valueByCurrency().isEmpty()) {
      b.append(String.format(Locale.ROOT, "declared value: %,.0f USD", usd));
      b.append(unrated.isEmpty() ? " (at the rule pack's rates)"
          : " (at the rule pack's rates; left out, no rate for: " + Display.safe(String.join(", ", unrated)) + ")");
      b.append('\n');
    }
    return b.toString();
  }

  /** "label: A 12, B 7 and 3 more", biggest first; nothing when every count is zero. */
  private static void line(StringBuilder b, String label, Map<String, Long> counts) {
    List<Map.Entry<String, Long>> rows = new ArrayList<>();
    counts.entrySet().stream().filter(e -> e.getValue() > 0).forEach(rows::add);
    if (rows.isEmpty()) {
      return;
    }
    rows.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
    b.append(label).append(": ");
    for (int i = 0; i < Math.min(TOP, rows.size()); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(Display.safe(rows.get(i).getKey())).append(String.format(Locale.ROOT, " %,d", rows.get(i).getValue()));
    }
    if (rows.size() > TOP) {
      b.append(" and ").append(rows.size() - TOP).append(" more");
    }
    b.append('\n');
  }
}
