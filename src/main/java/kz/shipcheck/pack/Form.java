package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A product form of the declaration format ({@code data/forms.yaml}) and, for frozen and chilled
 * goods, the storage temperature range the cold chain must hold (either bound may be open). The
 * bounds and the declared temperature are exact decimals, compared as written.
 *
 * @param maxAgeDays production age after which goods of this form draw a warning, or null
 */
public record Form(
    String key,
    String name,
    BigDecimal storageMinC,
    BigDecimal storageMaxC,
    String source,
    String basis,
    Integer maxAgeDays) {

  /** True when the form has a storage range at all. */
  public boolean coldChain() {
    return storageMinC != null || storageMaxC != null;
  }

  /** True when the temperature is given and inside the range (bounds inclusive). */
  public boolean storageOk(BigDecimal temperatureC) {
    if (!coldChain()) {
      return true;
    }
    return temperatureC != null
        && (storageMinC == null || temperatureC.compareTo(storageMinC) >= 0)
        && (storageMaxC == null || temperatureC.compareTo(storageMaxC) <= 0);
  }

  /** "-18 °C or colder", "0 to 4 °C", "0 °C or warmer", for messages. */
  public String storageRange() {
    if (storageMinC != null && storageMaxC != null) {
      return Numbers.plain(storageMinC) + " to " + Numbers.plain(storageMaxC) + " °C";
    }
    if (storageMaxC != null) {
      return Numbers.plain(storageMaxC) + " °C or colder";
    }
    if (storageMinC != null) {
      return Numbers.plain(storageMinC) + " °C or warmer";
    }
    return "any temperature";
  }

  /** The fields a row of {@code ReferenceData.FORMS} may have. */
  static final Set<String> FIELDS =
      Set.of("key", "name", "storageMinC", "storageMaxC", "maxAgeDays", "source", "basis");

  /** Reads one row of the pack's table, throwing at its first problem. */
  static Form read(DataRow r) throws PackException {
    String key = r.text("key", true);
    BigDecimal min = r.decimal("storageMinC", false);
    BigDecimal max = r.decimal("storageMaxC", false);
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw r.error("storageMaxC", "storageMaxC must not be below storageMinC");
    }
    return new Form(
        key,
        r.text("name", true),
        min,
        max,
        r.text("source", true),
        r.text("basis", true),
        r.days("maxAgeDays"));
  }
}
