package kz.shipcheck.engine.fact;

import java.time.LocalDate;
import java.util.List;
import kz.shipcheck.pack.CertificateType;
import kz.shipcheck.pack.Laboratory;
import kz.shipcheck.pack.ReferenceData;

/**
 * The fact the rules see for a certificate or laboratory report: the certificate as written with
 * the reference rows its keys name (see {@link Declaration}).
 */
public final class Certificate {
  private final kz.shipcheck.model.Certificate value;
  private final Declaration declaration;
  private final CertificateType typeInfo;
  private final Laboratory laboratoryInfo;

  Certificate(kz.shipcheck.model.Certificate value, Declaration declaration, ReferenceData ref) {
    this.value = value;
    this.declaration = declaration;
    this.typeInfo = ref.certificateType(value.getType());
    this.laboratoryInfo = ref.laboratory(value.getLaboratory());
  }

  /** The certificate as written. */
  public kz.shipcheck.model.Certificate value() {
    return value;
  }

  public Declaration getDeclaration() {
    return declaration;
  }

  public LocalDate getDate() {
    return declaration.getDate();
  }

  public int getIndex() {
    return value.getIndex();
  }

  /** The field path prefix, {@code certificates[j]}. */
  public String getPath() {
    return value.getPath();
  }

  public String getType() {
    return value.getType();
  }

  public String getNumber() {
    return value.getNumber();
  }

  public LocalDate getIssuedOn() {
    return value.getIssuedOn();
  }

  /** Item indexes covered, or null for all items. */
  public List<Integer> getCovers() {
    return value.getCovers();
  }

  /** True when this certificate covers the item (an absent {@code covers} covers all). */
  public boolean coversItem(int itemIndex) {
    return value.coversItem(itemIndex);
  }

  public String getAdditionalDeclaration() {
    return value.getAdditionalDeclaration();
  }

  public String getLaboratory() {
    return value.getLaboratory();
  }

  /** The certificate type row of {@link #getType()}, or null when absent or unknown. */
  public CertificateType getTypeInfo() {
    return typeInfo;
  }

  /** The laboratory row of {@link #getLaboratory()}, or null when absent or unknown. */
  public Laboratory getLaboratoryInfo() {
    return laboratoryInfo;
  }
}
