package kz.shipcheck.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of goods in a declaration, as written. Absent fields are null. The rules see it wrapped
 * with the reference rows its keys name (the engine's fact of the same name).
 *
 * <p>Declared numbers are the exact decimals written (pack {@code Numbers.parse}), never doubles:
 * -17.99999999999999999 °C is warmer than -18 °C, and a rule must see it so.
 */
public final class Item {
  private final Declaration declaration;
  private final int index;
  private final String product;
  private final String hsCode;
  private final String description;
  private final String form;
  private final String originRegion;
  private final String establishment;
  private final LocalDate productionDate;
  private final BigDecimal netWeightKg;
  private final BigDecimal valueAmount;
  private final String valueCurrency;
  private final BigDecimal storageTemperatureC;
  private final BigDecimal heatCoreTemperatureC;
  private final BigDecimal heatMinutes;
  private final BigDecimal heatRelativeHumidityPct;
  private final boolean heatTreated;
  private final BigDecimal particleSizeMm;
  private final Boolean registrationMarked;
  private final Boolean chineseLabel;
  private final Boolean exportMarking;

  private Item(Builder b, Declaration declaration) {
    this.declaration = declaration;
    this.index = b.index;
    this.product = b.product;
    this.hsCode = b.hsCode;
    this.description = b.description;
    this.form = b.form;
    this.originRegion = b.originRegion;
    this.establishment = b.establishment;
    this.productionDate = b.productionDate;
    this.netWeightKg = b.netWeightKg;
    this.valueAmount = b.valueAmount;
    this.valueCurrency = b.valueCurrency;
    this.storageTemperatureC = b.storageTemperatureC;
    this.heatCoreTemperatureC = b.heatCoreTemperatureC;
    this.heatMinutes = b.heatMinutes;
    this.heatRelativeHumidityPct = b.heatRelativeHumidityPct;
    this.heatTreated = b.heatTreated;
    this.particleSizeMm = b.particleSizeMm;
    this.registrationMarked = b.registrationMarked;
    this.chineseLabel = b.chineseLabel;
    this.exportMarking = b.exportMarking;
  }

  public Declaration getDeclaration() {
    return declaration;
  }

  /** The date the declaration is judged on (see {@link Declaration#getDate()}). */
  public LocalDate getDate() {
    return declaration.getDate();
  }

  /** 0-based position in {@code items}. */
  public int getIndex() {
    return index;
  }

  /** The field path prefix of this item, {@code items[i]}. */
  public String getPath() {
    return "items[" + index + "]";
  }

  public String getProduct() {
    return product;
  }

  public String getHsCode() {
    return hsCode;
  }

  public String getDescription() {
    return description;
  }

  public String getForm() {
    return form;
  }

  public String getOriginRegion() {
    return originRegion;
  }

  public String getEstablishment() {
    return establishment;
  }

  /** The production date as declared, or null. */
  public LocalDate getProductionDate() {
    return productionDate;
  }

  /**
   * The production date, defaulting to the ship date (docs/declaration-format.md). Under {@code
   * --as-of} a missing production date follows the judged date.
   */
  public LocalDate getProducedOn() {
    return productionDate != null ? productionDate : declaration.getDate();
  }

  public BigDecimal getNetWeightKg() {
    return netWeightKg;
  }

  public BigDecimal getValueAmount() {
    return valueAmount;
  }

  public String getValueCurrency() {
    return valueCurrency;
  }

  public BigDecimal getStorageTemperatureC() {
    return storageTemperatureC;
  }

  /** True when a {@code heatTreatment} block is present. */
  public boolean isHeatTreated() {
    return heatTreated;
  }

  public BigDecimal getHeatCoreTemperatureC() {
    return heatCoreTemperatureC;
  }

  public BigDecimal getHeatMinutes() {
    return heatMinutes;
  }

  public BigDecimal getHeatRelativeHumidityPct() {
    return heatRelativeHumidityPct;
  }

  public BigDecimal getParticleSizeMm() {
    return particleSizeMm;
  }

  public Boolean getRegistrationMarked() {
    return registrationMarked;
  }

  public Boolean getChineseLabel() {
    return chineseLabel;
  }

  public Boolean getExportMarking() {
    return exportMarking;
  }

  /**
   * Days from the production date to the judged date (negative when produced after it), or null.
   */
  public Long getProductionAgeDays() {
    return productionDate == null
        ? null
        : java.time.temporal.ChronoUnit.DAYS.between(productionDate, declaration.getDate());
  }

  /** Collects an item's fields before its declaration exists. */
  public static final class Builder {
    public int index;
    public String product;
    public String hsCode;
    public String description;
    public String form;
    public String originRegion;
    public String establishment;
    public LocalDate productionDate;
    public BigDecimal netWeightKg;
    public BigDecimal valueAmount;
    public String valueCurrency;
    public BigDecimal storageTemperatureC;
    public boolean heatTreated;
    public BigDecimal heatCoreTemperatureC;
    public BigDecimal heatMinutes;
    public BigDecimal heatRelativeHumidityPct;
    public BigDecimal particleSizeMm;
    public Boolean registrationMarked;
    public Boolean chineseLabel;
    public Boolean exportMarking;

    Item build(Declaration d) {
      return new Item(this, d);
    }
  }
}
