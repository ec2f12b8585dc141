package kz.shipcheck.engine.fact;

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
 * The fact the rules see for one line of goods: the item as written ({@link
 * kz.shipcheck.model.Item}) with the reference rows its keys name ({@link #getProductInfo()},
 * {@link #getRegionInfo()}, …), looked up once when the declaration is resolved. Rules then test
 * plain fields, which the rule network shares between rules and evaluates once per item, instead of
 * each rule looking the same key up again with {@code from ref.product(...)}. A row is null when
 * the key is absent or unknown, exactly as the {@code ref} look-up returns.
 */
public final class Item {
  private final kz.shipcheck.model.Item value;
  private final Declaration declaration;

  // reference rows, looked up once; never changed by a rule
  private final Product productInfo;
  private final Region regionInfo;
  private final Form formInfo;
  private final RegisterEntry establishmentInfo;
  private final Rate valueRate;
  private final Product.Treatment requiredTreatment;
  private final List<Restriction> restrictions;
  private final boolean labReportRequired;
  private final Integer maxAgeDays;

  Item(kz.shipcheck.model.Item value, Declaration declaration, ReferenceData ref) {
    this.value = value;
    this.declaration = declaration;
    String product = value.getProduct();
    String form = value.getForm();
    String originRegion = value.getOriginRegion();
    LocalDate date = declaration.getDate();
    productInfo = ref.product(product);
    regionInfo = ref.region(originRegion);
    formInfo = ref.form(form);
    establishmentInfo = ref.establishment(value.getEstablishment());
    valueRate = ref.rate(value.getValueCurrency());
    requiredTreatment = productInfo == null ? null : productInfo.treatmentFor(form);
    restrictions =
        originRegion == null ? List.of() : ref.restrictions(originRegion, productInfo, date);
    LocalDate labsFrom = ref.labReportsRequiredFrom();
    labReportRequired =
        productInfo != null
            && productInfo.labReport()
            && labsFrom != null
            && !date.isBefore(labsFrom);
    maxAgeDays =
        productInfo == null
            ? null
            : productInfo.maxAgeDays() != null
                ? productInfo.maxAgeDays()
                : formInfo != null ? formInfo.maxAgeDays() : null;
  }

  /** The item as written. */
  public kz.shipcheck.model.Item value() {
    return value;
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
    return value.getIndex();
  }

  /** The field path prefix of this item, {@code items[i]}. */
  public String getPath() {
    return value.getPath();
  }

  public String getProduct() {
    return value.getProduct();
  }

  public String getHsCode() {
    return value.getHsCode();
  }

  public String getDescription() {
    return value.getDescription();
  }

  public String getForm() {
    return value.getForm();
  }

  public String getOriginRegion() {
    return value.getOriginRegion();
  }

  public String getEstablishment() {
    return value.getEstablishment();
  }

  /** The production date as declared, or null. */
  public LocalDate getProductionDate() {
    return value.getProductionDate();
  }

  /** The production date, defaulting to the judged date (see the model's {@code getProducedOn}). */
  public LocalDate getProducedOn() {
    return value.getProducedOn();
  }

  public BigDecimal getNetWeightKg() {
    return value.getNetWeightKg();
  }

  public BigDecimal getValueAmount() {
    return value.getValueAmount();
  }

  public String getValueCurrency() {
    return value.getValueCurrency();
  }

  public BigDecimal getStorageTemperatureC() {
    return value.getStorageTemperatureC();
  }

  /** True when a {@code heatTreatment} block is present. */
  public boolean isHeatTreated() {
    return value.isHeatTreated();
  }

  public BigDecimal getHeatCoreTemperatureC() {
    return value.getHeatCoreTemperatureC();
  }

  public BigDecimal getHeatMinutes() {
    return value.getHeatMinutes();
  }

  public BigDecimal getHeatRelativeHumidityPct() {
    return value.getHeatRelativeHumidityPct();
  }

  public BigDecimal getParticleSizeMm() {
    return value.getParticleSizeMm();
  }

  public Boolean getRegistrationMarked() {
    return value.getRegistrationMarked();
  }

  public Boolean getChineseLabel() {
    return value.getChineseLabel();
  }

  public Boolean getExportMarking() {
    return value.getExportMarking();
  }

  /**
   * Days from the production date to the judged date (negative when produced after it), or null.
   */
  public Long getProductionAgeDays() {
    return value.getProductionAgeDays();
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
   * The production age, in days before the judged date, after which the item draws a warning: the
   * product's own limit, else its form's; null when neither gives one.
   */
  public Integer getMaxAgeDays() {
    return maxAgeDays;
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
}
