package kz.shipcheck.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import kz.shipcheck.result.Summary;

/**
 * The closing summary a batch run prints on stderr (never into the report): counts, the most
 * frequent failing rules, failures by product and by border crossing, and the total declared value
 * in US dollars at the rule pack's rates. Products, crossings and currencies are declared values:
 * they are shown through {@link Display#safe}.
 */
public final class SummaryText {
  /** How many entries each "most frequent" line names. */
  static final int TOP = 5;

  private SummaryText() {}

  /**
   * @param usdPerUnit US dollars per unit of a currency code, or null when the pack has no rate
   * @param words the {@code ui.summary.*} texts in the chosen language
   */
  public static String render(Summary s, Function<String, Double> usdPerUnit, Words words) {
    StringBuilder b = new StringBuilder();
    b.append(
        words.text(
            "ui.summary.counts",
            Map.of(
                "declarations",
                s.declarations(),
                "passed",
                s.passed(),
                "failed",
                s.failed(),
                "invalid",
                s.invalid())));
    if (s.warnings() > 0 || s.waived() > 0) {
      b.append(
          words.text(
              "ui.summary.warnings", Map.of("warnings", s.warnings(), "waived", s.waived())));
    }
    b.append('\n');
    Map<String, Long> failedByProduct = new TreeMap<>();
    s.byProduct().forEach((k, t) -> failedByProduct.put(k, t.failed()));
    Map<String, Long> failedByCrossing = new TreeMap<>();
    s.byCrossing().forEach((k, t) -> failedByCrossing.put(k, t.failed()));
    line(b, words, "ui.summary.rules", s.failingRules());
    line(b, words, "ui.summary.products", failedByProduct);
    line(b, words, "ui.summary.crossings", failedByCrossing);
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
      // a total for orientation, in whole dollars (rounded as %.0f rounds)
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("usd", usd.setScale(0, RoundingMode.HALF_UP).toBigInteger());
      args.put("unrated", unrated.isEmpty() ? "none" : Display.safe(String.join(", ", unrated)));
      b.append(words.text("ui.summary.value", args)).append('\n');
    }
    return b.toString();
  }

  /** "label: A 12, B 7 and 3 more", biggest first; nothing when every count is zero. */
  private static void line(StringBuilder b, Words words, String label, Map<String, Long> counts) {
    List<Map.Entry<String, Long>> rows = new ArrayList<>();
    counts.entrySet().stream().filter(e -> e.getValue() > 0).forEach(rows::add);
    if (rows.isEmpty()) {
      return;
    }
    rows.sort(
        Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey));
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < Math.min(TOP, rows.size()); i++) {
      String key = rows.get(i).getKey();
      String shown =
          key.equals(Summary.NONE)
              ? words.text("ui.summary.none")
              : key.equals(Summary.OTHER) ? words.text("ui.summary.other") : Display.safe(key);
      entries.add(
          words.text("ui.summary.entry", Map.of("key", shown, "count", rows.get(i).getValue())));
    }
    b.append(
            words.text(
                label,
                Map.of(
                    "entries", String.join(", ", entries), "more", Math.max(0, rows.size() - TOP))))
        .append('\n');
  }
}
