package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the access list ({@code data/products.yaml}).
 *
 * @param admitted false for known products with no protocol yet
 * @param accessFrom first ship date on which the product is admitted; null when not admitted
 * @param forms admitted forms; empty means {@code form} may be left out
 * @param hsPrefixes the HS headings expanded to digit prefixes ("0206.41-0206.49" gives 020641 ...
 *     020649)
 */
public record Product(
    String key,
    String name,
    boolean admitted,
    LocalDate accessFrom,
    List<String> forms,
    List<String> hsHeadings,
    List<String> hsPrefixes,
    String origin,
    String use,
    List<String> sensitive,
    boolean labReport,
    boolean packaged,
    boolean chineseLabel,
    boolean exportMarking,
    List<String> adMustMention,
    Treatment treatment,
    Double maxParticleMm,
    String reference,
    String source,
    String basis) {

  /** Admitted on this date (start inclusive). */
  public boolean admittedOn(LocalDate date) {
    return admitted && accessFrom != null && !date.isBefore(accessFrom);
  }

  /** True when the HS code's digits start with one of the product's headings. */
  public boolean coversHsCode(String hsCode) {
    String digits = hsCode.replace(".", "").replace(" ", "");
    for (String p : hsPrefixes) {
      if (digits.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  public boolean isAnimal() {
    return "animal".equals(origin);
  }

  public boolean isFood() {
    return "food".equals(use);
  }

  /** The certificate type the product needs: veterinary for animal products, else phytosanitary. */
  public String certificateType() {
    return isAnimal() ? "veterinary" : "phytosanitary";
  }

  /** The heat treatment required for this form, or null. */
  public Treatment treatmentFor(String form) {
    return treatment != null && (treatment.forms().isEmpty() || treatment.forms().contains(form))
        ? treatment
        : null;
  }

  /** A required heat treatment: minimum core temperature, time held, and humidity. */
  public record Treatment(List<String> forms, Double minCoreC, Double minMinutes, Double minHumidityPct) {}
}
