package kz.shipcheck.cli;

import java.time.LocalDate;
import java.util.List;
import kz.shipcheck.pack.Crossing;
import kz.shipcheck.pack.Identifiers;
import kz.shipcheck.pack.Laboratory;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.Region;
import kz.shipcheck.pack.RegisterEntry;

/**
 * The values a {@link DeclarationTemplate} fills in from the pack's data: which establishment,
 * region, crossing, laboratory, HS code and BIN pass the product's rules on the date. Apart from
 * the template because choosing values that pass is a question about the reference data, while the
 * template's job is writing the YAML and its comments.
 */
final class TemplateValues {
  private final ReferenceData data;
  private final Product product;
  private final String form;
  private final LocalDate date;

  TemplateValues(ReferenceData data, Product product, String form, LocalDate date) {
    this.data = data;
    this.product = product;
    this.form = form;
    this.date = date;
  }

  /**
   * The first register row covering the product on the date, preferring one whose region can be
   * used.
   */
  RegisterEntry establishment() {
    RegisterEntry fallback = null;
    for (RegisterEntry e : data.register().entries()) {
      if (!e.covers(product.key(), date)) {
        continue;
      }
      if (usable(e.region())) {
        return e;
      }
      if (fallback == null) {
        fallback = e;
      }
    }
    return fallback;
  }

  String region(RegisterEntry est) {
    if (est != null && usable(est.region())) {
      return est.region();
    }
    for (Region r : data.regions()) {
      if (usable(r.key())) {
        return r.key();
      }
    }
    return null;
  }

  /** A region that exists on the date and is under no restriction for the product. */
  private boolean usable(String regionKey) {
    Region r = data.region(regionKey);
    return r != null && r.validOn(date) && data.restrictions(regionKey, product, date).isEmpty();
  }

  Crossing crossing() {
    for (Crossing c : data.crossings()) {
      if (c.mode().equals("rail")) {
        return c;
      }
    }
    return data.crossings().stream().findFirst().orElse(null);
  }

  Laboratory laboratory() {
    for (Laboratory l : data.laboratories()) {
      if (l.accreditedOn(date)) {
        return l;
      }
    }
    return null;
  }

  /**
   * The first heading of the form's own headings where the product has them, else of the product.
   */
  String hsCode() {
    List<String> ofForm = form == null ? null : product.hsByForm().get(form);
    String h = ofForm != null && !ofForm.isEmpty() ? ofForm.get(0) : product.hsHeadings().get(0);
    int dash = h.indexOf('-');
    return (dash < 0 ? h : h.substring(0, dash)).trim();
  }

  String bin(RegisterEntry est) {
    if (est != null && Identifiers.binValid(est.bin())) {
      return est.bin();
    }
    // a well-formed BIN: registered in the ship date's month, resident legal entity, head office
    String base = String.format("%02d%02d4000001", date.getYear() % 100, date.getMonthValue());
    for (int serial = 1; serial < 100; serial++) {
      String b = base.substring(0, 9) + String.format("%02d", serial);
      for (char d = '0'; d <= '9'; d++) {
        if (Identifiers.binValid(b + d)) {
          return b + d;
        }
      }
    }
    return base + "0";
  }
}
