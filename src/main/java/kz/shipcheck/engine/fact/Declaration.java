package kz.shipcheck.engine.fact;

import java.time.LocalDate;
import java.util.List;
import kz.shipcheck.model.Transport;
import kz.shipcheck.pack.Crossing;
import kz.shipcheck.pack.ReferenceData;

/**
 * The fact the rules see for one declaration: the declaration as written ({@link
 * kz.shipcheck.model.Declaration}) with the reference rows its keys name, looked up once before the
 * rules run. It keeps the written value's getter names, so a rule reads {@code
 * Declaration(consigneeCountry != "CN")} and {@code crossingInfo} alike. Its items and certificates
 * are facts too ({@link Item}, {@link Certificate}).
 *
 * <p>Facts live in the engine, not in the model, because resolving needs the rule pack's data: the
 * model stays plain values that the input stage builds without knowing any pack.
 */
public final class Declaration {
  private final kz.shipcheck.model.Declaration value;
  private final Crossing crossingInfo;
  private final List<Item> items;
  private final List<Certificate> certificates;

  private Declaration(kz.shipcheck.model.Declaration value, ReferenceData ref) {
    this.value = value;
    this.crossingInfo = ref.crossing(value.getTransport().getBorderCrossing());
    this.items = value.getItems().stream().map(i -> new Item(i, this, ref)).toList();
    this.certificates =
        value.getCertificates().stream().map(c -> new Certificate(c, this, ref)).toList();
  }

  /**
   * Looks up, once, the reference rows that the declaration's keys name (product, region, form,
   * establishment, currency, certificate type, laboratory, crossing) and the zone restrictions that
   * apply to each item, and keeps them on the facts for the rules to read.
   */
  public static Declaration resolve(kz.shipcheck.model.Declaration value, ReferenceData ref) {
    return new Declaration(value, ref);
  }

  /** The declaration as written. */
  public kz.shipcheck.model.Declaration value() {
    return value;
  }

  public String getId() {
    return value.getId();
  }

  /** The ship date as declared. */
  public LocalDate getShipDate() {
    return value.getShipDate();
  }

  /** The date the declaration is judged on: the ship date, or the {@code --as-of} date. */
  public LocalDate getDate() {
    return value.getDate();
  }

  public String getExporterName() {
    return value.getExporterName();
  }

  public String getExporterBin() {
    return value.getExporterBin();
  }

  public String getConsigneeName() {
    return value.getConsigneeName();
  }

  public String getConsigneeCountry() {
    return value.getConsigneeCountry();
  }

  /** Never null; its fields are null when not given. */
  public Transport getTransport() {
    return value.getTransport();
  }

  public List<Item> getItems() {
    return items;
  }

  public List<Certificate> getCertificates() {
    return certificates;
  }

  /** The crossing row of the transport's border crossing, or null when absent or unknown. */
  public Crossing getCrossingInfo() {
    return crossingInfo;
  }
}
