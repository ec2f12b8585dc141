package kz.shipcheck.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.shipcheck.engine.Evaluator;
import kz.shipcheck.engine.fact.Certificate;
import kz.shipcheck.engine.fact.Declaration;
import kz.shipcheck.engine.fact.Item;
import kz.shipcheck.pack.Form;
import kz.shipcheck.pack.HsCodes;
import kz.shipcheck.pack.Identifiers;
import kz.shipcheck.pack.Numbers;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.Region;
import kz.shipcheck.pack.RegisterEntry;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;
import kz.shipcheck.yaml.Locations;

/**
 * The benchmark's baseline, used only for comparison: a straightforward plain-Java version of a
 * representative subset of the rule pack (15 of its 41 rules: access, HS code, register, region,
 * BIN, consignee, cold chain and the certificate join), written as a developer without a rule
 * engine would write them — one pass over each declaration, if after if. It reads the same
 * reference data, resolves the same rows and writes the same findings, word for word (message,
 * hint, reference, basis), as those 15 rules of the DRL: {@code PlainChecksTest} holds it to
 * shipcheck's own report with a pack of just those rules, so that a run through the same pipeline
 * differs from shipcheck's only by the engine. Not part of the product: when one of the 15 rules'
 * wording changes in the DRL, that test says so, and this copy follows.
 */
public final class PlainChecks {
  /** The rules this baseline implements, with the DRL's severity, title, reference and basis. */
  public static final List<RuleInfo> RULES =
      List.of(
          rule(
              "ACCESS-001",
              "The product is one the access list knows",
              "GACC list of products admitted from Kazakhstan",
              "fact"),
          rule(
              "ACCESS-002",
              "The product is admitted on the ship date",
              "GACC access list; the product's protocol or announcement",
              "fact"),
          rule(
              "ACCESS-003",
              "The product's form is admitted by its protocol",
              "The product's protocol (admitted forms)",
              "fact"),
          rule(
              "HS-001",
              "The HS code falls under the product's headings",
              "HS nomenclature; the product's protocol",
              "fact"),
          rule(
              "HS-002",
              "An HS code is declared: digits, dots optional, 4 to 10 digits",
              "HS nomenclature; China declares 10 digits plus 3 CIQ digits",
              "fact"),
          rule(
              "REG-001",
              "The establishment is in the GACC register",
              "GACC Decree 248 (registration of overseas food establishments, in force 2022-01-01)",
              "fact"),
          rule(
              "REG-002",
              "The establishment's registration is active on the ship date",
              "GACC Decree 248: a registration can be suspended or withdrawn",
              "fact"),
          rule(
              "REG-003",
              "The establishment is registered for this product",
              "GACC Decree 248: registration is per product type",
              "fact"),
          rule(
              "REG-004",
              "The establishment was listed on or before the ship date",
              "GACC Decree 248: an establishment must be registered before it exports to China",
              "fact"),
          rule("REGION-001", "The origin region is a known region key", "ISO 3166-2:KZ", "fact"),
          rule(
              "REGION-002",
              "The origin region exists on the ship date",
              "ISO 3166-2:KZ; administrative reforms of 2018-06-19 and 2022-06-08",
              "fact"),
          rule(
              "BIN-001",
              "The exporter's BIN is 12 digits with a valid check digit",
              "Law of Kazakhstan on national registers of identification numbers (BIN/IIN)",
              "fact"),
          rule(
              "CONSIGNEE-001",
              "The consignee is in China (country CN)",
              "shipcheck declaration format (docs/declaration-format.md): this rule pack covers exports to the People's Republic of China",
              "model"),
          rule(
              "COLD-001",
              "Frozen goods are kept at -18 °C or colder, chilled goods at 0 to 4 °C",
              "Common cold-chain norm for frozen and chilled meat",
              "model"),
          rule(
              "CERT-001",
              "Each item is covered by the certificate its product needs (veterinary or phytosanitary)",
              "The product's protocol: veterinary certificate (animal products) or ISPM 12 phytosanitary certificate "
                  + "(plant products, feed)",
              "fact"));

  /** The ids of {@link #RULES}, in their order: what a pack of the same rules keeps. */
  public static Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    RULES.forEach(r -> ids.add(r.id()));
    return ids;
  }

  private static final int ACCESS_001 = 0,
      ACCESS_002 = 1,
      ACCESS_003 = 2,
      HS_001 = 3,
      HS_002 = 4,
      REG_001 = 5,
      REG_002 = 6,
      REG_003 = 7,
      REG_004 = 8,
      REGION_001 = 9,
      REGION_002 = 10,
      BIN_001 = 11,
      CONSIGNEE_001 = 12,
      COLD_001 = 13,
      CERT_001 = 14;

  private static RuleInfo rule(String id, String title, String reference, String basis) {
    return new RuleInfo(id, Severity.ERROR, title, reference, basis, List.of(), "plain-java", 0);
  }

  private final ReferenceData data;
  private final boolean none;

  /**
   * @param none check nothing: the pipeline's own cost, with no rules at all
   */
  public PlainChecks(ReferenceData data, boolean none) {
    this.data = data;
    this.none = none;
  }

  /**
   * As {@link Evaluator#evaluate}: each declaration's findings, in input order. One instance per
   * thread.
   */
  public List<List<Finding>> evaluate(List<Evaluator.Input> chunk) {
    List<List<Finding>> results = new ArrayList<>(chunk.size());
    for (Evaluator.Input in : chunk) {
      List<Finding> out = new ArrayList<>();
      if (!none) {
        Declaration d = Declaration.resolve(in.declaration(), data);
        new Run(data, in.locations(), out).check(d);
        out.sort(Finding.ORDER);
      }
      results.add(out);
    }
    return results;
  }

  /** One declaration's checks, writing into {@code out}. */
  private record Run(ReferenceData ref, Locations where, List<Finding> out) {
    void check(Declaration d) {
      if (!Identifiers.binValid(d.getExporterBin())) {
        add(
            BIN_001,
            "exporter.bin",
            Identifiers.binProblem(d.getExporterBin()),
            "copy the BIN from the exporter's registration certificate; quote it in YAML");
      }
      if (!"CN".equals(d.getConsigneeCountry())) {
        add(
            CONSIGNEE_001,
            "consignee.country",
            d.getConsigneeCountry() == null
                ? "no consignee country given"
                : "consignee country '" + d.getConsigneeCountry() + "' is not CN",
            "this pack checks exports to China: write consignee: {name: …, country: CN}");
      }
      for (Item i : d.getItems()) {
        item(d, i);
      }
    }

    private void item(Declaration d, Item i) {
      String at = i.getPath() + ".";
      LocalDate date = i.getDate();
      Product p = i.getProductInfo();
      if (p == null) {
        add(
            ACCESS_001,
            at + "product",
            "unknown product '" + i.getProduct() + "': it is not on the access list",
            "use a product key of the access list: " + ref.admittedKeys());
      } else if (p.outsideScope()) {
        // ACCESS-004 is not among the baseline's rules; ACCESS-002 does not fire for such a product
      } else if (!p.admittedOn(date)) {
        if (p.admitted()) {
          add(
              ACCESS_002,
              at + "product",
              p.name()
                  + " is not on the access list on "
                  + date
                  + ": admitted from "
                  + p.accessFrom(),
              "ship on or after " + p.accessFrom() + ", or check the ship date",
              p.reference(),
              p.basis());
        } else {
          add(
              ACCESS_002,
              at + "product",
              p.name() + " ('" + p.key() + "') is not on the access list: no protocol admits it",
              "China does not admit this product from Kazakhstan; it cannot be exported under this pack",
              p.reference(),
              p.basis());
        }
      } else if (!p.forms().isEmpty()
          && (i.getForm() == null || !p.forms().contains(i.getForm()))) {
        String forms = String.join(", ", p.forms());
        add(
            ACCESS_003,
            at + "form",
            i.getForm() == null
                ? "no form given for " + p.name() + "; its protocol admits: " + forms
                : i.getForm()
                    + " "
                    + p.name()
                    + " is not on the access list: the protocol admits only "
                    + forms,
            "declare one of the admitted forms: " + forms,
            p.reference(),
            p.basis());
      }

      String hs = i.getHsCode();
      if (hs == null || !HsCodes.wellFormed(hs)) {
        add(
            HS_002,
            at + "hsCode",
            hs == null
                ? "no HS code given for item " + i.getIndex()
                : "HS code '" + hs + "' is not 4 to 10 digits (dots optional)",
            "write the HS code as digits, e.g. \"0203.29\"; quote it so YAML keeps leading zeros");
      } else if (p != null && !p.coversHsCode(hs)) {
        String headings = String.join(", ", p.hsHeadings());
        add(
            HS_001,
            at + "hsCode",
            "HS code " + hs + " is not under the headings of " + p.name() + " (" + headings + ")",
            "use an HS code under " + headings);
      }

      RegisterEntry e = i.getEstablishmentInfo();
      if (e == null) {
        add(
            REG_001,
            at + "establishment",
            i.getEstablishment() == null
                ? "no establishment given for item " + i.getIndex() + " (" + i.getProduct() + ")"
                : "establishment '" + i.getEstablishment() + "' is not in the register",
            "give the registration number exactly as written in the GACC register");
      } else {
        if (!e.activeOn(date)) {
          add(
              REG_002,
              at + "establishment",
              "establishment "
                  + e.registration()
                  + " ("
                  + e.name()
                  + ") is "
                  + e.status()
                  + " since "
                  + e.statusSince()
                  + "; the ship date is "
                  + date,
              "ship from an establishment whose registration is active");
        }
        if (p != null && !e.products().contains(i.getProduct())) {
          add(
              REG_003,
              at + "establishment",
              "establishment "
                  + e.registration()
                  + " is registered for "
                  + String.join(", ", e.products())
                  + ", not for "
                  + i.getProduct(),
              "use an establishment registered for " + i.getProduct());
        }
        if (!e.listedBy(date)) {
          add(
              REG_004,
              at + "establishment",
              "establishment "
                  + e.registration()
                  + " was listed on "
                  + e.listedOn()
                  + ", after the ship date "
                  + date,
              "ship on or after " + e.listedOn());
        }
      }

      Region r = i.getRegionInfo();
      if (r == null) {
        add(
            REGION_001,
            at + "originRegion",
            i.getOriginRegion() == null
                ? "no origin region given for item " + i.getIndex()
                : "unknown region '" + i.getOriginRegion() + "'",
            "use a region key valid on " + date + ": " + ref.regionKeysOn(date));
      } else if (!r.validOn(date)) {
        String instead = ref.regionFor(r.key(), date);
        add(
            REGION_002,
            at + "originRegion",
            r.validTo() != null && !date.isBefore(r.validTo())
                ? "region '"
                    + r.key()
                    + "' no longer exists on "
                    + date
                    + " (it ended on "
                    + r.validTo()
                    + "); on that date it is "
                    + instead
                : "region '"
                    + r.key()
                    + "' does not exist yet on "
                    + date
                    + " (it exists from "
                    + r.validFrom()
                    + "); on that date it is part of "
                    + instead,
            "write originRegion: " + instead,
            r.source(),
            r.basis());
      }

      Form f = i.getFormInfo();
      if (f != null && f.coldChain() && !f.storageOk(i.getStorageTemperatureC())) {
        add(
            COLD_001,
            at + "storageTemperatureC",
            i.getStorageTemperatureC() == null
                ? "no storage temperature given for "
                    + f.key()
                    + " "
                    + i.getProduct()
                    + "; it must be "
                    + f.storageRange()
                : f.key()
                    + " "
                    + i.getProduct()
                    + " stored at "
                    + Numbers.plain(i.getStorageTemperatureC())
                    + " °C; "
                    + f.key()
                    + " goods must be kept at "
                    + f.storageRange(),
            "keep the goods at " + f.storageRange() + " and declare storageTemperatureC",
            f.source(),
            f.basis());
      }

      if (p != null && p.admitted()) {
        String type = p.certificateType();
        boolean covered = false;
        for (Certificate c : d.getCertificates()) {
          if (type.equals(c.getType()) && c.coversItem(i.getIndex())) {
            covered = true;
            break;
          }
        }
        if (!covered) {
          add(
              CERT_001,
              "certificates",
              "no " + type + " certificate covers item " + i.getIndex() + " (" + p.name() + ")",
              "attach the "
                  + type
                  + " certificate with type: "
                  + type
                  + " and list "
                  + i.getIndex()
                  + " in its covers (or leave covers out to cover every item)",
              p.reference(),
              p.basis());
        }
      }
    }

    private void add(int rule, String path, String message, String hint) {
      add(rule, path, message, hint, null, null);
    }

    private void add(
        int rule, String path, String message, String hint, String reference, String basis) {
      RuleInfo r = RULES.get(rule);
      int[] at = where.find(path);
      out.add(
          new Finding(
              r.id(),
              r.severity(),
              message,
              path,
              at[0],
              at[1],
              reference != null ? reference : r.reference(),
              basis != null ? basis : r.basis(),
              hint,
              null));
    }
  }
}
