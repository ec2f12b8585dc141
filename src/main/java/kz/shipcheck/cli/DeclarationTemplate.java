package kz.shipcheck.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shipcheck.engine.Args;
import kz.shipcheck.engine.Messages;
import kz.shipcheck.engine.Text;
import kz.shipcheck.pack.Crossing;
import kz.shipcheck.pack.Form;
import kz.shipcheck.pack.Identifiers;
import kz.shipcheck.pack.Laboratory;
import kz.shipcheck.pack.Numbers;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.RegisterEntry;
import kz.shipcheck.yaml.Suggest;

/**
 * A commented declaration template for one product ({@code shipcheck init}), built from the rule
 * pack's data so that it names every field the product's rules look at, filled with values that
 * pass them: the certificate its origin needs (with the additional declaration its protocol asks
 * for), a laboratory report from a laboratory accredited on the ship date where the product needs
 * one, the heat treatment, particle size and packaging markings its row asks for, an HS code under
 * its headings, and an establishment the register lists for it on the date, with that
 * establishment's region as the origin. Free text (names, numbers) is a placeholder to replace.
 */
public final class DeclarationTemplate {
  private static final int COMMENT_COLUMN = 38;

  private final ReferenceData data;
  private final Product product;
  private final String form;
  private final LocalDate date;
  private final Text text; // the comments' language (init.*); keys and values stay as written
  private final List<String[]> lines = new ArrayList<>();
  private final List<String> gaps = new ArrayList<>();
  private final TemplateValues values; // what to fill in; this class writes it out

  /**
   * A template.
   *
   * @param gaps what the pack's data could not fill so that the template passes (no register row
   *     for the product on the date, no accredited laboratory...); empty when it passes as is
   */
  public record Template(String text, List<String> gaps) {}

  private DeclarationTemplate(
      ReferenceData data, Product product, String form, LocalDate date, Text text) {
    this.data = data;
    this.product = product;
    this.form = form;
    this.date = date;
    this.text = text;
    this.values = new TemplateValues(data, product, form, date);
  }

  /**
   * Why no template can be made, or null: an unknown product (with a did-you-mean), one not on the
   * access list (or not yet on the date), a form its protocol does not admit.
   */
  public static String problem(ReferenceData data, String key, String form, LocalDate date) {
    Product p = data.product(key);
    if (p == null) {
      List<String> keys = data.products().stream().map(Product::key).toList();
      String near = Suggest.closest(key, keys);
      return "unknown product '"
          + key
          + "'"
          + (near != null ? "; did you mean " + near + "?" : "")
          + " (products on the access list: "
          + data.admittedKeys()
          + ")";
    }
    if (!p.admitted()) {
      return (p.name().equals(key) ? key : p.name() + " ('" + key + "')")
          + " is not on the access list: "
          + p.reference();
    }
    if (!p.admittedOn(date)) {
      return p.name()
          + " is on the access list only from "
          + p.accessFrom()
          + ", not on "
          + date
          + " (give --ship-date "
          + p.accessFrom()
          + " or later)";
    }
    if (form != null && p.forms().isEmpty()) {
      return p.name() + " takes no form: its protocol lists none (leave --form out)";
    }
    if (form != null && !p.forms().contains(form)) {
      return "form '"
          + form
          + "' is not admitted for "
          + p.name()
          + "; its protocol admits: "
          + String.join(", ", p.forms());
    }
    return null;
  }

  /** The template; call {@link #problem} first: the product must be admitted on the date. */
  public static Template render(ReferenceData data, String key, String form, LocalDate date) {
    return render(data, key, form, date, Messages.bundled().in(Messages.ENGLISH));
  }

  /** The template with its comments in {@code text}'s language. */
  public static Template render(
      ReferenceData data, String key, String form, LocalDate date, Text text) {
    Product p = data.product(key);
    String f = form != null ? form : p.forms().isEmpty() ? null : p.forms().get(0);
    DeclarationTemplate t = new DeclarationTemplate(data, p, f, date, text);
    String built = t.build();
    return new Template(built, List.copyOf(t.gaps));
  }

  private String build() {
    RegisterEntry est = values.establishment();
    String region = values.region(est);
    Crossing crossing = values.crossing();
    comment(t("init.header", "product", product, "form", form, "date", date));
    comment(t("init.protocol", "reference", product.reference()));
    // one message of several lines: a translation wraps where its language does
    for (String l : t("init.intro").split("\n")) {
      comment(l);
    }

    line(0, "id: KZ-CN-" + date.getYear() + "-000001", t("init.id"));
    line(0, "shipDate: " + date, t("init.shipDate"));
    line(0, "exporter:", null);
    line(1, "name: " + quote("Exporter LLP"), t("init.exporterName"));
    line(
        1,
        "bin: " + quote(values.bin(est)),
        est != null && Identifiers.binValid(est.bin())
            ? t("init.bin.establishment")
            : t("init.bin"));
    line(0, "consignee:", null);
    line(1, "name: " + quote("Consignee Co."), t("init.consigneeName"));
    line(1, "country: CN", t("init.country"));
    line(0, "transport:", null);
    if (crossing != null) {
      line(1, "mode: " + crossing.mode(), t("init.mode"));
      line(
          1,
          "borderCrossing: " + crossing.key(),
          t(
              "init.borderCrossing",
              "crossing",
              crossing,
              "mode",
              crossing.mode(),
              "crossings",
              String.join(
                  ", ",
                  data.crossings().stream()
                      .filter(c -> c.mode().equals(crossing.mode()))
                      .map(Crossing::key)
                      .toList())));
    } else {
      line(1, "mode: rail", t("init.mode"));
    }
    commented(1, "containers: [ABCU1234564]", t("init.containers"));
    line(0, "items:", null);
    item(est, region);
    line(0, "certificates:", null);
    certificates();
    return render();
  }

  private void item(RegisterEntry est, String region) {
    line(
        1,
        "- product: " + product.key(),
        t("init.product", "product", product, "from", product.accessFrom()));
    String hs = values.hsCode();
    line(
        2,
        "hsCode: " + quote(hs),
        t(
            "init.hsCode",
            "headings",
            form != null && product.hsByForm().containsKey(form)
                ? product.hsHeadingsOf(form) + " (" + form + ")"
                : String.join(", ", product.hsHeadings())));
    line(2, "description: " + quote(product.name()), t("init.description"));
    if (form != null) {
      line(2, "form: " + form, t("init.form", "forms", String.join(", ", product.forms())));
    } else {
      comment(2, "form: " + t("init.noForm", "product", product));
    }
    if (region == null) {
      gaps.add("no region is valid and unrestricted for " + product.key() + " on " + date);
    }
    line(
        2,
        "originRegion: " + (region != null ? region : "REGION"),
        region != null
            ? t(product.isAnimal() ? "init.originRegion.animal" : "init.originRegion.plant")
            : t("init.originRegion.none", "product", product.key(), "date", date));
    if (est != null) {
      line(
          2,
          "establishment: " + est.registration(),
          t(
              "init.establishment",
              "name",
              est.name(),
              "product",
              product.key(),
              "since",
              est.listedOn()));
    } else {
      gaps.add(
          "no register row lists "
              + product.key()
              + " on "
              + date
              + ": the template names a placeholder establishment");
      line(
          2,
          "establishment: KZ-EST-0000",
          t("init.establishment.none", "product", product.key(), "date", date));
    }
    commented(2, "productionDate: " + date, t("init.productionDate"));
    line(2, "netWeightKg: 20000", t("init.netWeight"));
    line(
        2,
        "value: {amount: 10000, currency: USD}",
        t("init.value", "currencies", "KZT, USD, CNY, KGS, TJS, UZS, TMT"));
    Form cold = form == null ? null : data.form(form);
    if (cold != null && cold.coldChain()) {
      line(
          2,
          "storageTemperatureC: " + Numbers.plain(storageWithin(cold)),
          t("init.storage", "form", form, "range", cold.storageRange(), "basis", cold.basis()));
    }
    Product.Treatment t = product.treatmentFor(form);
    if (t != null) {
      line(2, "heatTreatment:", t("init.heatTreatment"));
      line(
          3,
          "coreTemperatureC: " + number(t.minCoreC()),
          t("init.core", "core", number(t.minCoreC())));
      line(
          3,
          "minutes: " + number(t.minMinutes()),
          t("init.minutes", "minutes", number(t.minMinutes())));
      if (t.minHumidityPct() != null) {
        line(
            3,
            "relativeHumidityPct: " + number(t.minHumidityPct()),
            t("init.humidity", "humidity", number(t.minHumidityPct())));
      }
    }
    if (product.maxParticleMm() != null) {
      line(
          2,
          "particleSizeMm: " + number(below(product.maxParticleMm())),
          t("init.particleSize", "max", number(product.maxParticleMm())));
    }
    if (product.packaged()) {
      line(2, "packaging:", null);
      line(3, "registrationMarked: true", t("init.registrationMarked"));
      if (product.chineseLabel()) {
        line(3, "chineseLabel: true", t("init.chineseLabel"));
      }
      if (product.exportMarking()) {
        line(3, "exportMarking: true", t("init.exportMarking"));
      }
    }
  }

  private void certificates() {
    String type = product.certificateType();
    line(
        1,
        "- type: " + type,
        product.isAnimal() ? t("init.certificate.animal") : t("init.certificate.plant"));
    line(
        2,
        "number: "
            + quote(type.substring(0, 3).toUpperCase(Locale.ROOT) + "-" + date.getYear() + "-0001"),
        t("init.certificateNumber"));
    line(2, "issuedOn: " + date, t("init.issuedOn"));
    if (!product.isAnimal()) {
      line(
          2,
          "additionalDeclaration: " + quote(additionalDeclaration()),
          t("init.additionalDeclaration"));
    }
    if (product.labReport()) {
      Laboratory lab = values.laboratory();
      if (lab == null) {
        gaps.add("no laboratory of the pack is accredited on " + date);
      }
      line(1, "- type: laboratory", t("init.laboratoryReport"));
      line(2, "number: " + quote("LAB-" + date.getYear() + "-0001"), t("init.laboratoryNumber"));
      line(2, "issuedOn: " + date, t("init.laboratoryIssuedOn"));
      line(
          2,
          "laboratory: " + (lab != null ? lab.key() : "LABORATORY"),
          lab != null
              ? t("init.laboratory", "name", lab, "from", lab.accreditedFrom())
              : t("init.laboratory.none", "date", date));
    }
  }

  private String additionalDeclaration() {
    StringBuilder b =
        new StringBuilder("The consignment meets the requirements of the ")
            .append(product.reference());
    List<String> m = product.adMustMention();
    if (!m.isEmpty()) {
      b.append(" and comes from areas free from ").append(m.get(0));
      if (m.size() > 1) {
        b.append(" (").append(String.join(", ", m.subList(1, m.size()))).append(')');
      }
    }
    return b.append('.').toString();
  }

  /** A value safely below a limit that must not be reached, with one decimal. */
  private static BigDecimal below(BigDecimal max) {
    return max.subtract(new BigDecimal("0.2"))
        .setScale(1, RoundingMode.FLOOR)
        .max(new BigDecimal("0.1"));
  }

  private static String number(BigDecimal d) {
    return Numbers.plain(d);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A comment in the template's language, from name, value pairs. */
  private String t(String key, Object... nameValuePairs) {
    return text.render(key, Args.of(nameValuePairs));
  }

  private void line(int indent, String text, String comment) {
    lines.add(new String[] {"  ".repeat(indent) + text, comment});
  }

  private void comment(String text) {
    lines.add(new String[] {"# " + text, null});
  }

  /** An optional line, commented out, with its own comment aligned. */
  private void commented(int indent, String text, String comment) {
    lines.add(new String[] {"  ".repeat(indent) + "# " + text, comment});
  }

  private void comment(int indent, String text) {
    lines.add(new String[] {"  ".repeat(indent) + "# " + text, null});
  }

  private String render() {
    StringBuilder b = new StringBuilder();
    for (String[] l : lines) {
      b.append(l[0]);
      if (l[1] != null) {
        b.append(" ".repeat(Math.max(2, COMMENT_COLUMN - l[0].length()))).append("# ").append(l[1]);
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** A storage temperature inside the form's range: its middle, or its open end's bound. */
  private static BigDecimal storageWithin(Form f) {
    if (f.storageMinC() != null && f.storageMaxC() != null) {
      return f.storageMinC().add(f.storageMaxC()).divide(BigDecimal.valueOf(2));
    }
    return f.storageMaxC() != null ? f.storageMaxC() : f.storageMinC();
  }
}
