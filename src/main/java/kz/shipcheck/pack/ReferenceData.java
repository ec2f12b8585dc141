package kz.shipcheck.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule pack's reference data, loaded once and shared read-only by every rule session. Rules
 * reach it through the {@code ref} global; every look-up is a hash-map get, so nothing here is ever
 * re-inserted per declaration and a larger register costs nothing extra.
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
          PRODUCTS,
          REGIONS,
          CROSSINGS,
          LABORATORIES,
          RESTRICTIONS,
          RATES,
          FORMS,
          CERTIFICATES,
          DECREES,
          REGISTER);

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
        laboratories.values().stream()
            .map(Laboratory::accreditedFrom)
            .min(LocalDate::compareTo)
            .orElse(null);
  }

  /**
   * Loads the pack's data. {@code registerOverride} (from {@code --register}) replaces the pack's
   * sample register.
   */
  public static ReferenceData load(PackFiles pack, String registerName, byte[] registerOverride)
      throws PackException {
    Map<String, Region> regions = Region.readAll(pack);
    Map<String, Product> products =
        table(pack, PRODUCTS, Product.FIELDS, "key", Product::key, Product::read);
    Map<String, Crossing> crossings =
        table(pack, CROSSINGS, Crossing.FIELDS, "key", Crossing::key, Crossing::read);
    Map<String, Laboratory> labs =
        table(pack, LABORATORIES, Laboratory.FIELDS, "key", Laboratory::key, Laboratory::read);
    List<Restriction> restrictions = Restriction.readAll(pack, regions, products);
    Map<String, Rate> rates =
        table(pack, RATES, Rate.FIELDS, "currency", Rate::currency, Rate::read);
    Map<String, Form> forms = table(pack, FORMS, Form.FIELDS, "key", Form::key, Form::read);
    Map<String, CertificateType> certificateTypes =
        table(
            pack,
            CERTIFICATES,
            CertificateType.FIELDS,
            "key",
            CertificateType::key,
            CertificateType::read);
    for (String needed : List.of("veterinary", "phytosanitary", "laboratory")) {
      if (!certificateTypes.containsKey(needed)) {
        throw new PackException(
            pack.display(CERTIFICATES),
            0,
            0,
            "the rules need the certificate type '" + needed + "'");
      }
    }
    Map<String, Decree> decrees =
        table(pack, DECREES, Decree.FIELDS, "key", Decree::key, Decree::read);
    Register register =
        registerOverride != null
            ? Register.parse(registerName, registerOverride, regions.keySet())
            : Register.parse(pack.display(REGISTER), pack.read(REGISTER), regions.keySet());
    // a malformed manifest is a pack error, as a malformed data file is; read after the data, so
    // that a missing data file is reported as itself, not as a manifest entry naming it
    pack.manifest();
    return new ReferenceData(
        products,
        regions,
        crossings,
        labs,
        restrictions,
        rates,
        forms,
        certificateTypes,
        decrees,
        register);
  }

  /** Reads one row of a table into its record, throwing at the row's first problem. */
  private interface RowReader<T> {
    T read(DataRow row) throws PackException;
  }

  /**
   * Reads a table whose rows are keyed by one field: each row may hold only its known fields and
   * must cite its source and basis; the row's own checks run in {@code read}; keys are unique.
   */
  private static <T> Map<String, T> table(
      PackFiles pack,
      String file,
      Set<String> fields,
      String keyField,
      Function<T, String> keyOf,
      RowReader<T> read)
      throws PackException {
    Map<String, T> out = new LinkedHashMap<>();
    for (DataRow r : DataRow.readList(pack, file)) {
      r.allowOnly(fields);
      r.requireProvenance();
      T row = read.read(r);
      putUnique(out, keyOf.apply(row), row, r, keyField);
    }
    return out;
  }

  static <T> void putUnique(Map<String, T> map, String key, T value, DataRow row, String field)
      throws PackException {
    if (map.containsKey(key)) {
      throw row.error(field, "duplicate " + field + " '" + key + "'");
    }
    map.put(key, value);
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
    return String.join(
        ", ", products.values().stream().filter(Product::admitted).map(Product::key).toList());
  }

  public Region region(String key) {
    return key == null ? null : regions.get(key);
  }

  public Collection<Region> regions() {
    return regions.values();
  }

  /** The region keys valid on a date, for hints. */
  public String regionKeysOn(LocalDate date) {
    return String.join(
        ", ", regions.values().stream().filter(r -> r.validOn(date)).map(Region::key).toList());
  }

  /**
   * What to write instead of a region key that does not exist on the date: its successors after it
   * ended, the region it was cut from before it began.
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
   * that a shipment is never failed only because the pack's own data has no laboratory for its date
   * (beef, lamb, honey and dairy were exported lawfully before 2021-03-18).
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
