package kz.shipcheck.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declaration format (docs/declaration-format.md) as data: one table drives reading ({@link
 * SchemaValidator}), the JSON Schema that editors use, and the templates, so the three cannot drift
 * apart.
 */
public final class Schema {

  /** The kinds of value a field may hold. */
  public sealed interface Type permits Simple, Obj, Arr {}

  /** Scalar types. */
  public enum Simple implements Type {
    /** Any scalar, read as its source text ({@code bin: 190640005554} keeps its digits). */
    TEXT,
    /** An ISO date, yyyy-mm-dd, that exists on the calendar. */
    DATE,
    NUMBER,
    /** A whole number, zero or more. */
    INDEX,
    BOOLEAN
  }

  /** A mapping with a closed set of keys. */
  public record Obj(Map<String, Field> fields) implements Type {}

  /** A list; {@code minItems} is 1 where the format asks for "at least one". */
  public record Arr(Type items, int minItems) implements Type {}

  /**
   * One key of a mapping.
   *
   * @param values the values the format lists for the field (forms, certificate types, ...):
   *     offered for completion, never enforced by the reader (a value outside them is a rule
   *     finding)
   * @param keysOf the reference-data table whose keys the field holds ({@link #PRODUCTS}, ...), or
   *     null; the keys themselves come from the rule pack
   */
  public record Field(
      String name,
      Type type,
      boolean required,
      String description,
      List<String> values,
      String keysOf) {
    public Field(String name, Type type, boolean required, String description) {
      this(name, type, required, description, List.of(), null);
    }

    public Field {
      values = List.copyOf(values);
    }

    Field values(String... v) {
      return new Field(name, type, required, description, List.of(v), keysOf);
    }

    Field keysOf(String table) {
      return new Field(name, type, required, description, values, table);
    }
  }

  /** Reference-data tables a field may take its keys from. */
  public static final String PRODUCTS = "products";

  public static final String REGIONS = "regions";
  public static final String CROSSINGS = "crossings";
  public static final String LABORATORIES = "laboratories";

  /** The forms of the declaration format. */
  public static final List<String> FORMS =
      List.of(
          "grain",
          "milled",
          "meal",
          "hay",
          "pellets",
          "oil",
          "frozen",
          "chilled",
          "heat-treated",
          "offal",
          "dried",
          "liquid",
          "other");

  /** The currencies of the declaration format. */
  public static final List<String> CURRENCIES =
      List.of("KZT", "USD", "CNY", "KGS", "TJS", "UZS", "TMT");

  private Schema() {}

  private static Field req(String name, Type type, String description) {
    return new Field(name, type, true, description);
  }

  private static Field opt(String name, Type type, String description) {
    return new Field(name, type, false, description);
  }

  private static Obj obj(Field... fields) {
    Map<String, Field> map = new LinkedHashMap<>();
    for (Field f : fields) {
      map.put(f.name(), f);
    }
    return new Obj(map);
  }

  public static final Obj MONEY =
      obj(
          req("amount", Simple.NUMBER, "declared value"),
          req("currency", Simple.TEXT, "KZT, USD, CNY, KGS, TJS, UZS or TMT")
              .values(CURRENCIES.toArray(String[]::new)));

  public static final Obj HEAT_TREATMENT =
      obj(
          opt("coreTemperatureC", Simple.NUMBER, "core temperature reached, °C"),
          opt("minutes", Simple.NUMBER, "time held at that temperature, minutes"),
          opt(
              "relativeHumidityPct",
              Simple.NUMBER,
              "relative humidity of moist-heat treatment, %"));

  public static final Obj PACKAGING =
      obj(
          opt("registrationMarked", Simple.BOOLEAN, "registration number on inner and outer packs"),
          opt("chineseLabel", Simple.BOOLEAN, "Chinese label for pre-packaged food (GB 7718)"),
          opt("exportMarking", Simple.BOOLEAN, "\"Exported to the People's Republic of China\""));

  public static final Obj ITEM =
      obj(
          req("product", Simple.TEXT, "product key from the access list").keysOf(PRODUCTS),
          opt("hsCode", Simple.TEXT, "HS code: digits, dots optional, 4 to 10 digits"),
          opt("description", Simple.TEXT, "free text"),
          opt(
                  "form",
                  Simple.TEXT,
                  "product form: grain, milled, meal, hay, pellets, oil, frozen,"
                      + " chilled, heat-treated, offal, dried, liquid, other")
              .values(FORMS.toArray(String[]::new)),
          opt("originRegion", Simple.TEXT, "region key where animals were raised / crops grown")
              .keysOf(REGIONS),
          opt("establishment", Simple.TEXT, "registration number as written in the register"),
          opt("productionDate", Simple.DATE, "defaults to shipDate"),
          opt("netWeightKg", Simple.NUMBER, "net weight, kg"),
          opt("value", MONEY, "declared value"),
          opt(
              "storageTemperatureC",
              Simple.NUMBER,
              "storage temperature of frozen / chilled goods, °C"),
          opt("heatTreatment", HEAT_TREATMENT, "heat treatment applied"),
          opt("particleSizeMm", Simple.NUMBER, "particle size of milled feed, mm"),
          opt("packaging", PACKAGING, "markings and labels"));

  public static final Obj CERTIFICATE =
      obj(
          opt("type", Simple.TEXT, "veterinary, phytosanitary, laboratory or origin")
              .values("veterinary", "phytosanitary", "laboratory", "origin"),
          opt("number", Simple.TEXT, "certificate number"),
          opt("issuedOn", Simple.DATE, "date of issue"),
          opt("covers", new Arr(Simple.INDEX, 0), "item indexes (0-based); absent = all items"),
          opt("additionalDeclaration", Simple.TEXT, "phytosanitary: the additional declaration"),
          opt("laboratory", Simple.TEXT, "laboratory reports: laboratory key")
              .keysOf(LABORATORIES));

  public static final Obj DECLARATION =
      obj(
          req("id", Simple.TEXT, "declaration id, unique within a batch"),
          req("shipDate", Simple.DATE, "the rules in force on this date apply"),
          req(
              "exporter",
              obj(
                  req("name", Simple.TEXT, "exporter's name"),
                  req("bin", Simple.TEXT, "12-digit BIN (quote it)")),
              "the exporter"),
          opt(
              "consignee",
              obj(
                  opt("name", Simple.TEXT, "consignee's name"),
                  opt("country", Simple.TEXT, "ISO country code; CN").values("CN")),
              "the consignee"),
          opt(
              "transport",
              obj(
                  opt("mode", Simple.TEXT, "rail or road").values("rail", "road"),
                  opt("borderCrossing", Simple.TEXT, "border crossing key").keysOf(CROSSINGS),
                  opt("containers", new Arr(Simple.TEXT, 0), "ISO 6346 container numbers"),
                  opt("destination", Simple.TEXT, "destination city")),
              "transport"),
          req("items", new Arr(ITEM, 1), "the goods; at least one"),
          opt("certificates", new Arr(CERTIFICATE, 0), "certificates and reports"));

  /** Field names of a mapping, for messages such as "known keys: ...". */
  public static List<String> keys(Obj obj) {
    return List.copyOf(obj.fields().keySet());
  }
}
