package kz.shipcheck.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One shipment declaration as read from YAML (docs/declaration-format.md): plain values as written.
 * {@link #getDate()} is the date it is judged on ({@code shipDate}, or {@code --as-of}). The rules
 * see it wrapped with the reference rows its keys name (the engine's fact of the same name).
 */
public final class Declaration {
  private final String id;
  private final LocalDate shipDate;
  private final LocalDate date;
  private final String exporterName;
  private final String exporterBin;
  private final String consigneeName;
  private final String consigneeCountry;
  private final Transport transport;
  private final List<Item> items;
  private final List<Certificate> certificates;

  public Declaration(
      String id,
      LocalDate shipDate,
      LocalDate date,
      String exporterName,
      String exporterBin,
      String consigneeName,
      String consigneeCountry,
      Transport transport,
      List<Item.Builder> items,
      List<Certificate.Builder> certificates) {
    this.id = id;
    this.shipDate = shipDate;
    this.date = date;
    this.exporterName = exporterName;
    this.exporterBin = exporterBin;
    this.consigneeName = consigneeName;
    this.consigneeCountry = consigneeCountry;
    this.transport = transport;
    this.items = items.stream().map(b -> b.build(this)).toList();
    this.certificates = certificates.stream().map(b -> b.build(this)).toList();
  }

  public String getId() {
    return id;
  }

  /** The ship date as declared. */
  public LocalDate getShipDate() {
    return shipDate;
  }

  /** The date the declaration is judged on: the ship date, or the {@code --as-of} date. */
  public LocalDate getDate() {
    return date;
  }

  public String getExporterName() {
    return exporterName;
  }

  public String getExporterBin() {
    return exporterBin;
  }

  public String getConsigneeName() {
    return consigneeName;
  }

  public String getConsigneeCountry() {
    return consigneeCountry;
  }

  /** Never null; its fields are null when not given. */
  public Transport getTransport() {
    return transport;
  }

  public List<Item> getItems() {
    return items;
  }

  public List<Certificate> getCertificates() {
    return certificates;
  }
}
