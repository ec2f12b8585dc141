package kz.shipcheck.pack;

import java.math.BigDecimal;

/**
 * A product form of the declaration format ({@code data/forms.yaml}) and, for frozen and chilled
 * goods, the storage temperature range the cold chain must hold (either bound may be open). The
 * bounds and the declared temperature are exact decimals, compared as written.
 *
 * @param maxAgeDays production age after which goods of this form draw a warning, or null
 */
public record Form(
    String key, String name, BigDecimal storageMinC, BigDecimal storageMaxC, String source, String basis,
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
}
