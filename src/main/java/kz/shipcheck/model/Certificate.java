package kz.shipcheck.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate or laboratory report attached to a declaration, as written. Like {@link Item}, the
 * rules see it wrapped with the reference rows its keys name (the engine's fact of the same name).
 */
public final class Certificate {
  private final Declaration declaration;
  private final int index;
  private final String type;
  private final String number;
  private final LocalDate issuedOn;
  private final List<Integer> covers;
  private final String additionalDeclaration;
  private final String laboratory;

  private Certificate(Builder b, Declaration declaration) {
    this.declaration = declaration;
    this.index = b.index;
    this.type = b.type;
    this.number = b.number;
    this.issuedOn = b.issuedOn;
    this.covers = b.covers == null ? null : List.copyOf(b.covers);
    this.additionalDeclaration = b.additionalDeclaration;
    this.laboratory = b.laboratory;
  }

  public Declaration getDeclaration() {
    return declaration;
  }

  public LocalDate getDate() {
    return declaration.getDate();
  }

  public int getIndex() {
    return index;
  }

  /** The field path prefix, {@code certificates[j]}. */
  public String getPath() {
    return "certificates[" + index + "]";
  }

  public String getType() {
    return type;
  }

  public String getNumber() {
    return number;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  /** Item indexes covered, or null for all items. */
  public List<Integer> getCovers() {
    return covers;
  }

  /** True when this certificate covers the item (an absent {@code covers} covers all). */
  public boolean coversItem(int itemIndex) {
    return covers == null || covers.contains(itemIndex);
  }

  public String getAdditionalDeclaration() {
    return additionalDeclaration;
  }

  public String getLaboratory() {
    return laboratory;
  }

  /** Collects a certificate's fields before its declaration exists. */
  public static final class Builder {
    public int index;
    public String type;
    public String number;
    public LocalDate issuedOn;
    public List<Integer> covers;
    public String additionalDeclaration;
    public String laboratory;

    Certificate build(Declaration d) {
      return new Certificate(this, d);
    }
  }
}
