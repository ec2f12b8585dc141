package kz.shipcheck.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule pack's reference data, loaded once and shared read-only by every rule session. Rules
 * reach it through the {@code ref} global; every look-up is a hash-map get, so nothing here is
 * ever re-inserted per declaration and a larger register costs nothing extra.
 */
public final class ReferenceData {
  public static final String PRODUCTS = "data/products.yaml";
  public static final String REGIONS = "data/regions.yaml";
  public static final String CROSSINGS = "data/crossings.yaml";
  public static final String LABORATORIES = "data/laboratories.yaml";
  public static final String RESTRICTIONS = "data/restrictions.yaml";
  public static final String RATES = "data/rates.yaml";
  public static final String REGISTER = "data/register.csv";
  public static final String FORMS = "data/forms.yaml";
  public static final String CERTIFICATES = "data/certificates.yaml";
  public static final String DECREES = "data/decrees.yaml";

  /** Files a pack must hold, and which rules' metadata may name in {@code @data}. */
  public static final List<String> FILES =
      List.of(
          PRODUCTS, REGIONS, CROSSINGS, LABORATORIES, RESTRICTIONS, RATES, FORMS, CERTIFICATES,
          DECREES, REGISTER);

  private final Map<String, Product> products;
  private final Map<String, Region> regions;
  private final Map<String, Crossing> crossings;
  private final Map<String, Laboratory> laboratories;
  private final List<Restriction> restrictions;
  private final Map<String, Rate> rates;
  private final Map<String, Form> forms;
  private final Map<String, CertificateType> certificateTypes;
  private final Map<String, Decree> decrees;
  private final Register register;
  private final LocalDate labReportsRequiredFrom;

  private ReferenceData(
      Map<String, Product> products,
      Map<String, Region> regions,
      Map<String, Crossing> crossings,
      Map<String, Laboratory> laboratories,
      List<Restriction> restrictions,
      Map<String, Rate> rates,
      Map<String, Form> forms,
      Map<String, CertificateType> certificateTypes,
      Map<String, Decree> decrees,
      Register register) {
    this.products = products;
    this.regions = regions;
    this.crossings = crossings;
    this.laboratories = laboratories;
    this.restrictions = restrictions;
    this.rates = rates;
    this.forms = forms;
    this.certificateTypes = certificateTypes;
    this.decrees = decrees;
    this.register = register;
    this.labReportsRequiredFrom =
        laboratories.values().stream().map(Laboratory::accreditedFrom).min(LocalDate::compareTo).orElse(null);
  }

  /**
   * Loads the pack's data. {@code registerOverride} (from {@code --register}) replaces the
   * pack's sample register.
   */
  public static ReferenceData load(PackFiles pack, String registerName, byte[] registerOverride)
      throws PackException {
    Map<String, Region> regions = loadRegions(pack);
    Map<String, Product> products = loadProducts(pack);
    Map<String, Crossing> crossings = loadCrossings(pack);
    Map<String, Laboratory> labs = loadLaboratories(pack);
    List<Restriction> restrictions = loadRestrictions(pack, regions, products);
    Map<String, Rate> rates = loadRates(pack);
    Map<String, Form> forms = loadForms(pack);
    Map<String, CertificateType> certificateTypes = loadCertificateTypes(pack);
    Map<String, Decree> decrees = loadDecrees(pack);
    Register register =
        registerOverride != null
            ? Register.parse(registerName, registerOverride, regions.keySet())
            : Register.parse(pack.display(REGISTER), pack.read(REGISTER), regions.keySet());
    // a malformed manifest is a pack error, as a malformed data file is; read after the data, so
    // that a missing data file is reported as itself, not as a manifest entry naming it
    pack.manifest();
    return new ReferenceData(
        products, regions, crossings, labs, restrictions, rates, forms, certificateTypes, decrees, register);
  }

  private static <T> void putUnique(Map<String, T> map, String key, T value, DataRow row, String field)
      throws PackException {
    if (map.containsKey(key)) {
      throw row.error(field, "duplicate " + field + " '" + key + "'");
    }
    map.put(key, value);
  }

  private static Map<String, Product> loadProducts(PackFiles pack) throws PackException {
    Map<String, Product> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, PRODUCTS)) {
      r.allowOnly(
          Set.of(
              "key", "name", "admitted", "accessFrom", "forms", "hsHeadings", "origin", "use",
              "sensitive", "labReport", "packaged", "chineseLabel", "exportMarking",
              "adMustMention", "treatment", "maxParticleMm", "reference", "source", "basis",
              "hsByForm", "registration", "maxAgeDays", "scope"));
      r.requireProvenance();
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
        throw r.error("registration", "registration must be recommended (or absent), found '" + registration + "'");
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
              throw r.error("hsByForm", e.getKey() + ": " + h + " is not under the product's hsHeadings");
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
                t.list("forms"), t.decimal("minCoreC", true), t.decimal("minMinutes", true), t.decimal("minHumidityPct", false));
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
      putUnique(out, key, p, r, "key");
    }
    return out;
  }

  private static Map<String, Region> loadRegions(PackFiles pack) throws PackException {
    Map<String, Region> out = new LinkedHashMap<>();
    List<DataRow> rows = DataRow.readList(pack, REGIONS);
    for (DataRow r : rows) {
      r.allowOnly(Set.of("key", "name", "iso", "validFrom", "validTo", "formedFrom", "replacedBy", "source", "basis"));
      r.requireProvenance();
      String key = r.text("key", true);
      Region region =
          new Region(
              key,
              r.text("name", true),
              r.text("iso", false),
              r.date("validFrom", false),
              r.date("validTo", false),
              r.text("formedFrom", false),
              r.list("replacedBy"),
              r.text("source", true),
              r.text("basis", true));
      if (region.validFrom() != null && region.validTo() != null && !region.validFrom().isBefore(region.validTo())) {
        throw r.error("validTo", "validTo must be after validFrom");
      }
      putUnique(out, key, region, r, "key");
    }
    for (DataRow r : rows) {
      String from = r.text("formedFrom", false);
      if (from != null && !out.containsKey(from)) {
        throw r.error("formedFrom", "unknown region '" + from + "'");
      }
      List<String> by = r.list("replacedBy");
      for (int i = 0; i < by.size(); i++) {
        if (!out.containsKey(by.get(i))) {
          throw r.errorAtElement("replacedBy", i, "unknown region '" + by.get(i) + "'");
        }
      }
    }
    return out;
  }

  private static Map<String, Crossing> loadCrossings(PackFiles pack) throws PackException {
    Map<String, Crossing> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, CROSSINGS)) {
      r.allowOnly(Set.of("key", "name", "mode", "validFrom", "validTo", "planned", "source", "basis"));
      r.requireProvenance();
      String mode = r.text("mode", true);
      if (!mode.equals("rail") && !mode.equals("road")) {
        throw r.error("mode", "mode must be rail or road, found '" + mode + "'");
      }
      String key = r.text("key", true);
      LocalDate validFrom = r.date("validFrom", false);
      LocalDate validTo = r.date("validTo", false);
      if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
        throw r.error("validTo", "validTo must be after validFrom");
      }
      boolean planned = r.bool("planned");
      if (planned && validFrom != null) {
        throw r.error("planned", "a planned crossing has no opening date; give validFrom once it is known and drop planned");
      }
      putUnique(
          out,
          key,
          new Crossing(key, r.text("name", true), mode, validFrom, validTo, planned, r.text("source", true), r.text("basis", true)),
          r,
          "key");
    }
    return out;
  }

  private static Map<String, Laboratory> loadLaboratories(PackFiles pack) throws PackException {
    Map<String, Laboratory> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, LABORATORIES)) {
      r.allowOnly(Set.of("key", "name", "accreditedFrom", "accreditedTo", "standard", "source", "basis"));
      r.requireProvenance();
      String key = r.text("key", true);
      putUnique(
          out,
          key,
          new Laboratory(
              key,
              r.text("name", true),
              r.date("accreditedFrom", true),
              r.date("accreditedTo", false),
              r.text("standard", false),
              r.text("source", true),
              r.text("basis", true)),
          r,
          "key");
    }
    return out;
  }

  private static List<Restriction> loadRestrictions(
      PackFiles pack, Map<String, Region> regions, Map<String, Product> products) throws PackException {
    List<Restriction> out = new ArrayList<>();
    Map<String, Boolean> ids = new HashMap<>();
    Set<String> diseases = new java.util.TreeSet<>();
    products.values().forEach(p -> diseases.addAll(p.sensitive()));
    for (DataRow r : DataRow.readList(pack, RESTRICTIONS)) {
      r.allowOnly(
          Set.of(
              "id", "disease", "regions", "from", "to", "products", "heatExempt", "inactivation",
              "reference", "source", "basis"));
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
            "no product is sensitive to '" + disease + "'; list the products, or use one of: "
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
        inactivation = new Product.Treatment(List.of(), t.decimal("minCoreC", true), t.decimal("minMinutes", true), null);
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
              id, disease, rs, from, to, ps, heatExempt, inactivation,
              r.text("reference", true), r.text("source", true), r.text("basis", true)));
    }
    return List.copyOf(out);
  }

  private static Map<String, Form> loadForms(PackFiles pack) throws PackException {
    Map<String, Form> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, FORMS)) {
      r.allowOnly(Set.of("key", "name", "storageMinC", "storageMaxC", "maxAgeDays", "source", "basis"));
      r.requireProvenance();
      String key = r.text("key", true);
      BigDecimal min = r.decimal("storageMinC", false);
      BigDecimal max = r.decimal("storageMaxC", false);
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw r.error("storageMaxC", "storageMaxC must not be below storageMinC");
      }
      putUnique(
          out,
          key,
          new Form(key, r.text("name", true), min, max, r.text("source", true), r.text("basis", true), r.days("maxAgeDays")),
          r,
          "key");
    }
    return out;
  }

  private static Map<String, CertificateType> loadCertificateTypes(PackFiles pack) throws PackException {
    Map<String, CertificateType> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, CERTIFICATES)) {
      r.allowOnly(Set.of("key", "name", "maxAgeDays", "source", "basis"));
      r.requireProvenance();
      String key = r.text("key", true);
      // exact, so that 30.00000000000000001 is refused rather than read as 30
      BigDecimal days = r.decimal("maxAgeDays", false);
      if (days != null && (days.signum() < 0 || days.stripTrailingZeros().scale() > 0
          || days.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
        throw r.error("maxAgeDays", "maxAgeDays must be a whole number of days, zero or more");
      }
      putUnique(
          out,
          key,
          new CertificateType(key, r.text("name", true), days == null ? null : days.intValueExact(), r.text("source", true), r.text("basis", true)),
          r,
          "key");
    }
    for (String needed : List.of("veterinary", "phytosanitary", "laboratory")) {
      if (!out.containsKey(needed)) {
        throw new PackException(pack.display(CERTIFICATES), 0, 0, "the rules need the certificate type '" + needed + "'");
      }
    }
    return out;
  }

  private static Map<String, Decree> loadDecrees(PackFiles pack) throws PackException {
    Map<String, Decree> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, DECREES)) {
      r.allowOnly(Set.of("key", "name", "inForce", "reference", "source", "basis"));
      r.requireProvenance();
      String key = r.text("key", true);
      putUnique(
          out,
          key,
          new Decree(key, r.text("name", true), r.date("inForce", true), r.text("reference", true), r.text("source", true), r.text("basis", true)),
          r,
          "key");
    }
    return out;
  }

  private static Map<String, Rate> loadRates(PackFiles pack) throws PackException {
    Map<String, Rate> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, RATES)) {
      r.allowOnly(Set.of("currency", "usd", "asOf", "source", "basis"));
      r.requireProvenance();
      String c = r.text("currency", true);
      putUnique(out, c, new Rate(c, r.number("usd", true), r.date("asOf", true), r.text("source", true), r.text("basis", true)), r, "currency");
    }
    return out;
  }

  // ---- look-ups used by the rules (through the `ref` global) and by reports ----

  /** The access-list row, or null for an unknown key. */
  public Product product(String key) {
    return key == null ? null : products.get(key);
  }

  public Collection<Product> products() {
    return products.values();
  }

  /** The admitted product keys, for hints. */
  public String admittedKeys() {
    return String.join(", ", products.values().stream().filter(Product::admitted).map(Product::key).toList());
  }

  public Region region(String key) {
    return key == null ? null : regions.get(key);
  }

  public Collection<Region> regions() {
    return regions.values();
  }

  /** The region keys valid on a date, for hints. */
  public String regionKeysOn(LocalDate date) {
    return String.join(", ", regions.values().stream().filter(r -> r.validOn(date)).map(Region::key).toList());
  }

  /**
   * What to write instead of a region key that does not exist on the date: its successors after
   * it ended, the region it was cut from before it began.
   */
  public String regionFor(String key, LocalDate date) {
    Region r = region(key);
    if (r == null) {
      return null;
    }
    if (r.validTo() != null && !date.isBefore(r.validTo())) {
      return String.join(" or ", r.replacedBy());
    }
    if (r.validFrom() != null && date.isBefore(r.validFrom())) {
      return r.formedFrom();
    }
    return key;
  }

  public Crossing crossing(String key) {
    return key == null ? null : crossings.get(key);
  }

  public Collection<Crossing> crossings() {
    return crossings.values();
  }

  public String crossingKeys() {
    return String.join(", ", crossings.keySet());
  }

  public Laboratory laboratory(String key) {
    return key == null ? null : laboratories.get(key);
  }

  public Collection<Laboratory> laboratories() {
    return laboratories.values();
  }

  /**
   * The first day on which the pack's data knows an accredited laboratory, or null when it knows
   * none. The laboratory-report requirement is a model of this project: it starts on this day, so
   * that a shipment is never failed only because the pack's own data has no laboratory for its
   * date (beef, lamb, honey and dairy were exported lawfully before 2021-03-18).
   */
  public LocalDate labReportsRequiredFrom() {
    return labReportsRequiredFrom;
  }

  public String laboratoryKeys() {
    return String.join(", ", laboratories.keySet());
  }

  /** The register row for a registration number, or null. */
  public RegisterEntry establishment(String registration) {
    return register.find(registration);
  }

  public Register register() {
    return register;
  }

  /**
   * The restrictions in force on the date that cover the region and affect the product. A row
   * covers a region it names, every region through "all", and a region cut from a named one after
   * the row was written (a list from before the 2022 split naming East Kazakhstan covers Abai; a
   * list written after it does not) [model].
   */
  public List<Restriction> restrictions(String regionKey, Product product, LocalDate date) {
    if (regionKey == null || product == null || date == null || restrictions.isEmpty()) {
      return List.of();
    }
    List<Restriction> out = new ArrayList<>(1);
    for (Restriction r : restrictions) {
      if (r.inForceOn(date) && r.affects(product) && covers(r, regionKey)) {
        out.add(r);
      }
    }
    return out;
  }

  public List<Restriction> restrictions() {
    return restrictions;
  }

  private boolean covers(Restriction r, String regionKey) {
    List<String> listed = r.regions();
    if (listed.contains("all")) {
      return true;
    }
    String k = regionKey;
    for (int guard = 0; k != null && guard < 8; guard++) {
      if (listed.contains(k)) {
        return true;
      }
      Region region = regions.get(k);
      if (region == null || region.validFrom() == null || !r.from().isBefore(region.validFrom())) {
        return false; // the list was written when this region already existed on its own
      }
      k = region.formedFrom();
    }
    return false;
  }

  /** The form row, or null for a form the pack does not know. */
  public Form form(String key) {
    return key == null ? null : forms.get(key);
  }

  public Collection<Form> forms() {
    return forms.values();
  }

  /** The certificate type row, or null for a type the pack does not know. */
  public CertificateType certificateType(String key) {
    return key == null ? null : certificateTypes.get(key);
  }

  public Collection<CertificateType> certificateTypes() {
    return certificateTypes.values();
  }

  /** The known certificate types, for hints. */
  public String certificateTypeKeys() {
    return String.join(", ", certificateTypes.keySet());
  }

  /** The legal act with this key, or null. */
  public Decree decree(String key) {
    return key == null ? null : decrees.get(key);
  }

  /** The currencies of the rate table, for hints. */
  public String currencies() {
    return String.join(", ", rates.keySet());
  }

  /** USD per unit of the currency, or null when the rate table has none. */
  public Rate rate(String currency) {
    return currency == null ? null : rates.get(currency);
  }
}
