package kz.shipcheck.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.model.Certificate;
import kz.shipcheck.model.Declaration;
import kz.shipcheck.model.Item;
import kz.shipcheck.model.Transport;
import kz.shipcheck.pack.Numbers;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlNode.ListNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlNode.ScalarType;

/** Turns a document that passed {@link SchemaValidator} into a {@link Declaration}. */
final class Binder {
  /** The words a boolean scalar may be true with (lower case, trimmed); anything else is false. */
  private static final java.util.Set<String> TRUE_WORDS =
      java.util.Set.of("true", "yes", "on", "y");

  private Binder() {}

  static Declaration bind(MapNode root, LocalDate asOf) {
    MapNode exporter = map(root.get("exporter"));
    MapNode consignee = map(root.get("consignee"));
    MapNode transport = map(root.get("transport"));
    LocalDate shipDate = date(root.get("shipDate"));
    List<Item.Builder> items = new ArrayList<>();
    ListNode itemList = (ListNode) root.get("items");
    for (int i = 0; i < itemList.items().size(); i++) {
      items.add(item((MapNode) itemList.items().get(i), i));
    }
    List<Certificate.Builder> certs = new ArrayList<>();
    if (root.get("certificates") instanceof ListNode certList) {
      for (int j = 0; j < certList.items().size(); j++) {
        certs.add(certificate((MapNode) certList.items().get(j), j));
      }
    }
    return new Declaration(
        text(root.get("id")),
        shipDate,
        asOf != null ? asOf : shipDate,
        text(exporter.get("name")),
        text(exporter.get("bin")),
        consignee == null ? null : text(consignee.get("name")),
        consignee == null ? null : text(consignee.get("country")),
        new Transport(
            transport == null ? null : text(transport.get("mode")),
            transport == null ? null : text(transport.get("borderCrossing")),
            transport == null ? null : texts(transport.get("containers")),
            transport == null ? null : text(transport.get("destination"))),
        items,
        certs);
  }

  private static Item.Builder item(MapNode m, int index) {
    Item.Builder b = new Item.Builder();
    b.index = index;
    b.product = text(m.get("product"));
    b.hsCode = text(m.get("hsCode"));
    b.description = text(m.get("description"));
    b.form = text(m.get("form"));
    b.originRegion = text(m.get("originRegion"));
    b.establishment = text(m.get("establishment"));
    b.productionDate = date(m.get("productionDate"));
    b.netWeightKg = number(m.get("netWeightKg"));
    MapNode value = map(m.get("value"));
    if (value != null) {
      b.valueAmount = number(value.get("amount"));
      b.valueCurrency = text(value.get("currency"));
    }
    b.storageTemperatureC = number(m.get("storageTemperatureC"));
    MapNode heat = map(m.get("heatTreatment"));
    if (heat != null) {
      b.heatTreated = true;
      b.heatCoreTemperatureC = number(heat.get("coreTemperatureC"));
      b.heatMinutes = number(heat.get("minutes"));
      b.heatRelativeHumidityPct = number(heat.get("relativeHumidityPct"));
    }
    b.particleSizeMm = number(m.get("particleSizeMm"));
    MapNode packaging = map(m.get("packaging"));
    if (packaging != null) {
      b.registrationMarked = bool(packaging.get("registrationMarked"));
      b.chineseLabel = bool(packaging.get("chineseLabel"));
      b.exportMarking = bool(packaging.get("exportMarking"));
    }
    return b;
  }

  private static Certificate.Builder certificate(MapNode m, int index) {
    Certificate.Builder b = new Certificate.Builder();
    b.index = index;
    b.type = text(m.get("type"));
    b.number = text(m.get("number"));
    b.issuedOn = date(m.get("issuedOn"));
    if (m.get("covers") instanceof ListNode covers) {
      List<Integer> idx = new ArrayList<>();
      for (YamlNode n : covers.items()) {
        idx.add(Integer.parseInt(((Scalar) n).text())); // SchemaValidator let only +?digits through
      }
      b.covers = idx;
    }
    b.additionalDeclaration = text(m.get("additionalDeclaration"));
    b.laboratory = text(m.get("laboratory"));
    return b;
  }

  private static MapNode map(YamlNode n) {
    return n instanceof MapNode m ? m : null;
  }

  private static boolean absent(YamlNode n) {
    return n == null || (n instanceof Scalar s && s.type() == ScalarType.NULL);
  }

  private static String text(YamlNode n) {
    return absent(n) ? null : ((Scalar) n).text();
  }

  private static List<String> texts(YamlNode n) {
    if (!(n instanceof ListNode l)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (YamlNode x : l.items()) {
      out.add(text(x));
    }
    return out;
  }

  private static LocalDate date(YamlNode n) {
    return absent(n) ? null : SchemaValidator.parseDate(((Scalar) n).text());
  }

  /** The exact decimal written; {@link SchemaValidator} has refused every other spelling. */
  private static BigDecimal number(YamlNode n) {
    return absent(n) ? null : Numbers.parse(((Scalar) n).text());
  }

  private static Boolean bool(YamlNode n) {
    return absent(n)
        ? null
        : Boolean.valueOf(
            TRUE_WORDS.contains(((Scalar) n).text().trim().toLowerCase(java.util.Locale.ROOT)));
  }
}
