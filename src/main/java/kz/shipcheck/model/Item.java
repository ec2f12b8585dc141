package kz.shipcheck.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import kz.shipcheck.pack.Form;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.Rate;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.Region;
import kz.shipcheck.pack.RegisterEntry;
import kz.shipcheck.pack.Restriction;

/**
 * One line of goods in a declaration, and a fact the rules see. Absent fields are null.
 *
 * <p>Besides the declared values, an item carries the reference rows its keys name ({@link
 * #getProductInfo()}, {@link #getRegionInfo()}, …), looked up once by {@link
 * Declaration#resolve(ReferenceData)} before the rules see it. Rules then test plain fields, which
 * the rule network shares between rules and evaluates once per item, instead of each rule looking
 * the same key up again with {@code from ref.product(...)}. A row is null when the key is absent
 * or unknown, exactly as the {@code ref} look-up returns.
 *
 * <p>Declared numbers are the exact decimals written ({@link kz.shipcheck.pack.Numbers#parse}),
 * never doubles: -17.99999999999999999 °C is warmer than -18 °C, and a rule must see it so.
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

  // reference rows, set by resolve(); never changed by a rule
  private Product productInfo;
  private Region regionInfo;
  private Form formInfo;
  private RegisterEntry establishmentInfo;
  private Rate valueRate;
  private Product.Treatment requiredTreatment;
  private List<Restriction> restrictions = List.of();
  private boolean labReportRequired;
  private Integer maxAgeDays;

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

  /** Looks up the reference rows this item's keys name (see the class comment). */
  void resolve(ReferenceData ref) {
    productInfo = ref.product(product);
    regionInfo = ref.region(originRegion);
    formInfo = ref.form(form);
    establishmentInfo = ref.establishment(establishment);
    valueRate = ref.rate(valueCurrency);
    requiredTreatment = productInfo == null ? null : productInfo.treatmentFor(form);
    restrictions =
        originRegion == null ? List.of() : ref.restrictions(originRegion, productInfo, declaration.getDate());
    LocalDate labsFrom = ref.labReportsRequiredFrom();
    labReportRequired =
        productInfo != null && productInfo.labReport() && labsFrom != null && !declaration.getDate().isBefore(labsFrom);
    maxAgeDays =
        productInfo == null ? null
            : productInfo.maxAgeDays() != null ? productInfo.maxAgeDays()
            : formInfo != null ? formInfo.maxAgeDays() : null;
  }

  /**
   * True when the product needs a laboratory report on the judged date: its row asks for one and
   * the date is on or after the first day the pack's data knows an accredited laboratory ({@link
   * ReferenceData#labReportsRequiredFrom}).
   */
  public boolean isLabReportRequired() {
    return labReportRequired;
  }

  /**
   * The production age, in days before the judged date, after which the item draws a warning:
   * the product's own limit, else its form's; null when neither gives one.
   */
  public Integer getMaxAgeDays() {
    return maxAgeDays;
  }

  /** Days from the production date to the judged date (negative when produced after it), or null. */
  public Long getProductionAgeDays() {
    return productionDate == null ? null : java.time.temporal.ChronoUnit.DAYS.between(productionDate, declaration.getDate());
  }

  /** The access-list row of {@link #getProduct()}, or null when absent or unknown. */
  public Product getProductInfo() {
    return productInfo;
  }

  /** The region row of {@link #getOriginRegion()}, or null when absent or unknown. */
  public Region getRegionInfo() {
    return regionInfo;
  }

  /** The form row of {@link #getForm()}, or null when absent or unknown. */
  public Form getFormInfo() {
    return formInfo;
  }

  /** The register row of {@link #getEstablishment()}, or null when absent or not registered. */
  public RegisterEntry getEstablishmentInfo() {
    return establishmentInfo;
  }

  /** The rate of {@link #getValueCurrency()}, or null when absent or not in the rate table. */
  public Rate getValueRate() {
    return valueRate;
  }

  /**
   * The heat treatment the product's protocol requires for this form, or null (unknown product,
   * none required, or not for this form).
   */
  public Product.Treatment getRequiredTreatment() {
    return requiredTreatment;
  }

  /**
   * The zone restrictions in force on the judged date that cover the origin region and affect the
   * product ({@link ReferenceData#restrictions}); empty when the region or product is absent or
   * unknown.
   */
  public List<Restriction> getRestrictions() {
    return restrictions;
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
