package kz.shipcheck.engine.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.model.Transport;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facts the rules match keep every getter of the values as written, so a rule reads a declared
 * field and a resolved row alike, and they carry the rows the declaration's keys name.
 */
class FactsTest {
  private static ReferenceData ref;

  @BeforeAll
  static void load() throws Exception {
    ref = ReferenceData.load(PackFiles.bundled(), null, null);
  }

  @Test
  void everyGetterOfAValueAsWrittenIsOnItsFact() {
    List<String> missing = new ArrayList<>();
    Class<?>[][] pairs = {
      {kz.shipcheck.model.Declaration.class, Declaration.class},
      {kz.shipcheck.model.Item.class, Item.class},
      {kz.shipcheck.model.Certificate.class, Certificate.class},
    };
    for (Class<?>[] pair : pairs) {
      for (Method m : pair[0].getMethods()) {
        if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        try {
          Method f = pair[1].getMethod(m.getName(), m.getParameterTypes());
          boolean sameOrFact =
              f.getReturnType() == m.getReturnType()
                  || f.getReturnType().getSimpleName().equals(m.getReturnType().getSimpleName());
          if (!sameOrFact) {
            missing.add(
                pair[1].getSimpleName() + "." + m.getName() + " returns " + f.getReturnType());
          }
        } catch (NoSuchMethodException e) {
          missing.add(pair[1].getSimpleName() + "." + m.getName());
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  private static kz.shipcheck.model.Declaration declaration(
      String product, String region, String certificateType) {
    kz.shipcheck.model.Item.Builder known = new kz.shipcheck.model.Item.Builder();
    known.index = 0;
    known.product = product;
    known.originRegion = region;
    kz.shipcheck.model.Item.Builder unknown = new kz.shipcheck.model.Item.Builder();
    unknown.index = 1;
    unknown.product = "no-such-product";
    kz.shipcheck.model.Certificate.Builder c = new kz.shipcheck.model.Certificate.Builder();
    c.type = certificateType;
    LocalDate date = LocalDate.of(2026, 6, 1);
    return new kz.shipcheck.model.Declaration(
        "F-1",
        date,
        date,
        "Exporter",
        "190640005554",
        "Consignee",
        "CN",
        new Transport("rail", null, null, null),
        List.of(known, unknown),
        List.of(c));
  }

  @Test
  void resolvingLooksUpTheRowsTheKeysName() {
    Product product = ref.products().iterator().next();
    Region region = ref.regions().iterator().next();
    kz.shipcheck.model.Declaration written = declaration(product.key(), region.key(), "veterinary");
    Declaration d = Declaration.resolve(written, ref);

    assertSame(written, d.value());
    Item first = d.getItems().get(0);
    assertSame(ref.product(product.key()), first.getProductInfo());
    assertSame(ref.region(region.key()), first.getRegionInfo());
    assertEquals(product.key(), first.getProduct());
    assertNull(d.getItems().get(1).getProductInfo(), "an unknown key resolves to no row");
    assertTrue(d.getItems().get(1).getRestrictions().isEmpty());
    assertNotNull(d.getCertificates().get(0).getTypeInfo());
    assertNull(d.getCrossingInfo(), "no crossing declared");
  }

  @Test
  void aFactsDeclarationIsTheFactOfItsItemsAndCertificates() {
    Product product = ref.products().iterator().next();
    Declaration d = Declaration.resolve(declaration(product.key(), null, "veterinary"), ref);
    for (Item i : d.getItems()) {
      assertSame(d, i.getDeclaration(), "findings are kept per declaration fact, by identity");
    }
    assertSame(d, d.getCertificates().get(0).getDeclaration());
    // resolving the same written declaration again makes new facts, never shared between runs
    assertNotSame(d, Declaration.resolve(d.value(), ref));
  }
}
