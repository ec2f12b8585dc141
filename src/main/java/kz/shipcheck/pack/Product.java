package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param registrationRecommended one of GACC Decree 248's 18 types whose registration the exporting
 *     country's authority recommends: the establishment must be listed by the production date
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
   * (frozen beef declared under 0201, the heading of fresh or chilled beef). False when the form is
   * absent or the product's headings do not depend on the form.
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
    return maxParticleMm == null
        || (particleSizeMm != null && particleSizeMm.compareTo(maxParticleMm) < 0);
  }

  /**
   * A heat treatment: minimum core temperature, time held at it, and (for moist heat) relative
   * humidity. A null minimum is not required. Minimums and declared values are exact decimals,
   * compared as written: 69.999999999999999999 °C does not reach 70 °C.
   *
   * @param forms the product forms it applies to; empty means every form
   */
  public record Treatment(
      List<String> forms, BigDecimal minCoreC, BigDecimal minMinutes, BigDecimal minHumidityPct) {

    /** True when the declared values reach every minimum; a missing value needed is not met. */
    public boolean metBy(BigDecimal coreC, BigDecimal minutes, BigDecimal humidityPct) {
      return reaches(coreC, minCoreC)
          && reaches(minutes, minMinutes)
          && reaches(humidityPct, minHumidityPct);
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
        b.append(b.length() > 0 ? " at " : "")
            .append(">= ")
            .append(Numbers.plain(minHumidityPct))
            .append(" % RH");
      }
      if (minMinutes != null) {
        b.append(b.length() > 0 ? " held " : "held ")
            .append(">= ")
            .append(Numbers.plain(minMinutes))
            .append(" min");
      }
      return b.toString();
    }
  }

  /** The fields a row of {@code ReferenceData.PRODUCTS} may have. */
  static final Set<String> FIELDS =
      Set.of(
          "key",
          "name",
          "admitted",
          "accessFrom",
          "forms",
          "hsHeadings",
          "origin",
          "use",
          "sensitive",
          "labReport",
          "packaged",
          "chineseLabel",
          "exportMarking",
          "adMustMention",
          "treatment",
          "maxParticleMm",
          "reference",
          "source",
          "basis",
          "hsByForm",
          "registration",
          "maxAgeDays",
          "scope");

  /** Reads one row of the pack's table, throwing at its first problem. */
  static Product read(DataRow r) throws PackException {
    String key = r.text("key", true);
    boolean admitted = r.bool("admitted");
    String scope = r.text("scope", false);
    if (scope != null && !scope.equals("outside")) {
      throw r.error("scope", "scope must be outside (or absent), found '" + scope + "'");
    }
    boolean outsideScope = scope != null;
    if (outsideScope && admitted) {
      throw r.error("admitted", "a product outside the pack's scope is not admitted by it");
    }
    String registration = r.text("registration", false);
    if (registration != null && !registration.equals("recommended")) {
      throw r.error(
          "registration",
          "registration must be recommended (or absent), found '" + registration + "'");
    }
    LocalDate from = r.date("accessFrom", admitted);
    String origin = r.text("origin", true);
    if (!origin.equals("plant") && !origin.equals("animal")) {
      throw r.error("origin", "origin must be plant or animal, found '" + origin + "'");
    }
    String use = r.text("use", true);
    if (!use.equals("food") && !use.equals("feed") && !use.equals("other")) {
      throw r.error("use", "use must be food, feed or other, found '" + use + "'");
    }
    List<String> headings = r.list("hsHeadings");
    if (headings.isEmpty()) {
      throw r.error("hsHeadings", "a product needs at least one HS heading");
    }
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < headings.size(); i++) {
      try {
        prefixes.addAll(HsCodes.expand(headings.get(i)));
      } catch (IllegalArgumentException e) {
        throw r.errorAtElement("hsHeadings", i, e.getMessage());
      }
    }
    Map<String, List<String>> hsByForm = r.listsByKey("hsByForm");
    Map<String, List<String>> hsPrefixesByForm = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : hsByForm.entrySet()) {
      List<String> fp = new ArrayList<>();
      for (String h : e.getValue()) {
        List<String> expanded;
        try {
          expanded = HsCodes.expand(h);
        } catch (IllegalArgumentException ex) {
          throw r.error("hsByForm", e.getKey() + ": " + ex.getMessage());
        }
        for (String x : expanded) {
          if (prefixes.stream().noneMatch(x::startsWith)) {
            throw r.error(
                "hsByForm", e.getKey() + ": " + h + " is not under the product's hsHeadings");
          }
        }
        fp.addAll(expanded);
      }
      hsPrefixesByForm.put(e.getKey(), List.copyOf(fp));
    }
    Product.Treatment treatment = null;
    DataRow t = r.child("treatment");
    if (t != null) {
      t.allowOnly(Set.of("forms", "minCoreC", "minMinutes", "minHumidityPct"));
      treatment =
          new Product.Treatment(
              t.list("forms"),
              t.decimal("minCoreC", true),
              t.decimal("minMinutes", true),
              t.decimal("minHumidityPct", false));
    }
    Product p =
        new Product(
            key,
            r.text("name", true),
            admitted,
            from,
            r.list("forms"),
            headings,
            List.copyOf(prefixes),
            origin,
            use,
            r.list("sensitive"),
            r.bool("labReport"),
            r.bool("packaged"),
            r.bool("chineseLabel"),
            r.bool("exportMarking"),
            r.list("adMustMention"),
            treatment,
            r.decimal("maxParticleMm", false),
            r.text("reference", true),
            r.text("source", true),
            r.text("basis", true),
            hsByForm,
            java.util.Collections.unmodifiableMap(hsPrefixesByForm),
            registration != null,
            r.days("maxAgeDays"),
            outsideScope);
    return p;
  }
}
