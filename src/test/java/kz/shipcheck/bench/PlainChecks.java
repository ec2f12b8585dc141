package kz.shipcheck.bench;

import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.engine.Checks;
import kz.shipcheck.engine.Evaluator;
import kz.shipcheck.input.Locations;
import kz.shipcheck.model.Certificate;
import kz.shipcheck.model.Declaration;
import kz.shipcheck.model.Item;
import kz.shipcheck.pack.Form;
import kz.shipcheck.pack.HsCodes;
import kz.shipcheck.pack.Identifiers;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.RegisterEntry;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.result.Severity;

/**
 * The benchmark's baseline, used only for comparison: a straightforward plain-Java version of a
 * representative subset of the rule pack (15 of its 41 rules: access, HS code, register, region,
 * BIN, consignee, cold chain and the certificate join), written as a developer without a rule
 * engine would write them — one pass over each declaration, if after if. It reads the same
 * reference data and resolves the same rows as the engine does, and builds findings with the same
 * messages' shape, so that a run through the same pipeline differs from shipcheck's only by the
 * engine. Not part of the product, and not kept in step with every wording of the DRL.
 */
public final class PlainChecks implements Checks {
  /** The rules this baseline implements, with the DRL's severity and basis. */
  public static final List<RuleInfo> RULES = List.of(
      rule("ACCESS-001", "The product is one the access list knows"),
      rule("ACCESS-002", "The product is admitted on the ship date"),
      rule("ACCESS-003", "The product's form is admitted by its protocol"),
      rule("HS-001", "The HS code falls under the product's headings"),
      rule("HS-002", "An HS code is declared: digits, dots optional, 4 to 10 digits"),
      rule("REG-001", "The establishment is in the GACC register"),
      rule("REG-002", "The establishment's registration is active on the ship date"),
      rule("REG-003", "The establishment is registered for this product"),
      rule("REG-004", "The establishment was listed on or before the ship date"),
      rule("REGION-001", "The origin region is known"),
      rule("REGION-002", "The origin region exists on the ship date"),
      rule("BIN-001", "The exporter's BIN has a valid check digit"),
      rule("CONSIGNEE-001", "The consignee is in China"),
      rule("COLD-001", "The storage temperature is within the form's range"),
      rule("CERT-001", "Each item is covered by the certificate its product needs"));

  private static RuleInfo rule(String id, String title) {
    return new RuleInfo(id, Severity.ERROR, title, "see the rule pack", "fact", List.of(), "plain-java", 0);
  }

  private final ReferenceData data;
  private final boolean none;

  /** @param none check nothing: the pipeline's own cost, with no rules at all */
  public PlainChecks(ReferenceData data, boolean none) {
    this.data = data;
    this.none = none;
  }

  @Override
  public List<List<Finding>> evaluate(List<Evaluator.Input> chunk) {
    List<List<Finding>> results = new ArrayList<>(chunk.size());
    for (Evaluator.Input in : chunk) {
      List<Finding> out = new ArrayList<>();
      if (!none) {
        Declaration d = in.declaration();
        d.resolve(data);
        check(d, in.locations(), out);
        out.sort(Finding.ORDER);
      }
      results.add(out);
    }
    return results;
  }

  private static void check(Declaration d, Locations where, List<Finding> out) {
    if (!Identifiers.binValid(d.getExporterBin())) {
      add(out, where, 11, "exporter.bin", Identifiers.binProblem(d.getExporterBin()));
    }
    if (!"CN".equals(d.getConsigneeCountry())) {
      add(out, where, 12, "consignee.country", "consignee country '" + d.getConsigneeCountry() + "' is not CN");
    }
    for (Item i : d.getItems()) {
      String at = i.getPath() + ".";
      Product p = i.getProductInfo();
      if (p == null) {
        add(out, where, 0, at + "product", "unknown product '" + i.getProduct() + "': it is not on the access list");
      } else if (!p.admittedOn(i.getDate())) {
        add(out, where, 1, at + "product", p.name() + " is not on the access list on " + i.getDate());
      } else if (!p.forms().isEmpty() && (i.getForm() == null || !p.forms().contains(i.getForm()))) {
        add(out, where, 2, at + "form", i.getForm() + " " + p.name() + " is not on the access list: the protocol admits only "
            + String.join(", ", p.forms()));
      }
      if (i.getHsCode() == null || !HsCodes.wellFormed(i.getHsCode())) {
        add(out, where, 4, at + "hsCode", "HS code '" + i.getHsCode() + "' is not 4 to 10 digits (dots optional)");
      } else if (p != null && !p.coversHsCode(i.getHsCode())) {
        add(out, where, 3, at + "hsCode", "HS code " + i.getHsCode() + " is not under the headings of " + p.name());
      }
      RegisterEntry e = i.getEstablishmentInfo();
      if (e == null) {
        add(out, where, 5, at + "establishment", "establishment '" + i.getEstablishment() + "' is not in the register");
      } else {
        if (!e.activeOn(i.getDate())) {
          add(out, where, 6, at + "establishment", "establishment " + e.registration() + " is " + e.status());
        }
        if (p != null && !e.products().contains(i.getProduct())) {
          add(out, where, 7, at + "establishment", "establishment " + e.registration() + " is not registered for "
              + i.getProduct());
        }
        if (!e.listedBy(i.getDate())) {
          add(out, where, 8, at + "establishment", "establishment " + e.registration() + " was listed on " + e.listedOn());
        }
      }
      if (i.getRegionInfo() == null) {
        add(out, where, 9, at + "originRegion", "unknown origin region '" + i.getOriginRegion() + "'");
      } else if (!i.getRegionInfo().validOn(i.getDate())) {
        add(out, where, 10, at + "originRegion", "region '" + i.getOriginRegion() + "' does not exist on " + i.getDate());
      }
      Form f = i.getFormInfo();
      if (f != null && f.coldChain() && !f.storageOk(i.getStorageTemperatureC())) {
        add(out, where, 13, at + "storageTemperatureC", "storage temperature outside " + f.storageRange());
      }
      if (p != null && p.admitted()) {
        boolean covered = false;
        for (Certificate c : d.getCertificates()) {
          if (p.certificateType().equals(c.getType()) && c.coversItem(i.getIndex())) {
            covered = true;
            break;
          }
        }
        if (!covered) {
          add(out, where, 14, "certificates", "no " + p.certificateType() + " certificate covers item " + i.getIndex());
        }
      }
    }
  }

  private static void add(List<Finding> out, Locations where, int rule, String path, String message) {
    RuleInfo r = RULES.get(rule);
    int[] at = where.find(path);
    out.add(new Finding(r.id(), r.severity(), message, path, at[0], at[1], r.reference(), r.basis(), null, null));
  }
}
