package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One row of the access list ({@code data/products.yaml}).
 *
 * @param admitted false for known products with no protocol yet
 * @param accessFrom first ship date on which the product is admitted; null when not admitted
 * @param forms admitted forms; empty means {@code form} may be left out
 * @param hsPrefixes the HS headings expanded to digit prefixes ("0206.41-0206.49" gives 020641 ...
 *     020649)
 * @param maxParticleMm particles must be smaller than this, compared as an exact decimal
 * @param hsByForm for products whose headings differ by form, each form's headings as written
 * @param hsPrefixesByForm the same expanded to digit prefixes
 * @param registrationRecommended one of GACC Decree 248's 18 types whose registration the
 *     exporting country's authority recommends: the establishment must be listed by the
 *     production date
 * @param maxAgeDays the production age after which a declaration draws a warning, or null (the
 *     form's then applies)
 * @param outsideScope a product the pack knows but does not judge (processed foods)
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
    BigDecimal maxParticleMm,
    String reference,
    String source,
    String basis,
    Map<String, List<String>> hsByForm,
    Map<String, List<String>> hsPrefixesByForm,
    boolean registrationRecommended,
    Integer maxAgeDays,
    boolean outsideScope) {

  /** Admitted on this date (start inclusive); never for a product outside the pack's scope. */
  public boolean admittedOn(LocalDate date) {
    return admitted && !outsideScope && accessFrom != null && !date.isBefore(accessFrom);
  }

  /** True when the HS code's digits start with one of the product's headings. */
  public boolean coversHsCode(String hsCode) {
    return startsWithAny(hsCode, hsPrefixes);
  }

  /**
   * True when the declared form has headings of its own and the HS code is under none of them
   * (frozen beef declared under 0201, the heading of fresh or chilled beef). False when the form
   * is absent or the product's headings do not depend on the form.
   */
  public boolean hsCodeContradictsForm(String form, String hsCode) {
    List<String> prefixes = form == null ? null : hsPrefixesByForm.get(form);
    return prefixes != null && hsCode != null && !startsWithAny(hsCode, prefixes);
  }

  /** The headings of a form ("0202"), joined for messages; empty when the form has none. */
  public String hsHeadingsOf(String form) {
    return String.join(", ", hsByForm.getOrDefault(form, List.of()));
  }

  /** The first form whose headings cover the HS code, or null: what the code itself says. */
  public String formOfHsCode(String hsCode) {
    for (Map.Entry<String, List<String>> e : hsPrefixesByForm.entrySet()) {
      if (startsWithAny(hsCode, e.getValue())) {
        return e.getKey();
      }
    }
    return null;
  }

  private static boolean startsWithAny(String hsCode, List<String> prefixes) {
    String digits = HsCodes.digits(hsCode.trim());
    for (String p : prefixes) {
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

  /** The heat treatment required for this form, or null (also when no form is given). */
  public Treatment treatmentFor(String form) {
    if (treatment == null) {
      return null;
    }
    if (treatment.forms().isEmpty()) {
      return treatment;
    }
    return form != null && treatment.forms().contains(form) ? treatment : null;
  }

  /** True when a particle size is given and smaller than the maximum (or none is set). */
  public boolean particleSizeOk(BigDecimal particleSizeMm) {
    return maxParticleMm == null || (particleSizeMm != null && particleSizeMm.compareTo(maxParticleMm) < 0);
  }

  /**
   * A heat treatment: minimum core temperature, time held at it, and (for moist heat) relative
   * humidity. A null minimum is not required. Minimums and declared values are exact decimals,
   * compared as written: 69.999999999999999999 °C does not reach 70 °C.
   *
   * @param forms the product forms it applies to; empty means every form
   */
  public record Treatment(List<String> forms, BigDecimal minCoreC, BigDecimal minMinutes, BigDecimal minHumidityPct) {

    /** True when the declared values reach every minimum; a missing value needed is not met. */
    public boolean metBy(BigDecimal coreC, BigDecimal minutes, BigDecimal humidityPct) {
      return reaches(coreC, minCoreC) && reaches(minutes, minMinutes) && reaches(humidityPct, minHumidityPct);
    }

    /** True when the core temperature is given and reaches the minimum (or none is required). */
    public boolean coreMetBy(BigDecimal coreC) {
      return reaches(coreC, minCoreC);
    }

    public boolean minutesMetBy(BigDecimal minutes) {
      return reaches(minutes, minMinutes);
    }

    public boolean humidityMetBy(BigDecimal humidityPct) {
      return reaches(humidityPct, minHumidityPct);
    }

    private static boolean reaches(BigDecimal value, BigDecimal minimum) {
      return minimum == null || (value != null && value.compareTo(minimum) >= 0);
    }

    /** "core >= 70 °C held >= 30 min", for messages and hints. */
    public String describe() {
      StringBuilder b = new StringBuilder();
      if (minCoreC != null) {
        b.append("core >= ").append(Numbers.plain(minCoreC)).append(" °C");
      }
      if (minHumidityPct != null) {
        b.append(b.length() > 0 ? " at " : "").append(">= ").append(Numbers.plain(minHumidityPct)).append(" % RH");
      }
      if (minMinutes != null) {
        b.append(b.length() > 0 ? " held " : "held ").append(">= ").append(Numbers.plain(minMinutes)).append(" min");
      }
      return b.toString();
    }
  }
}
