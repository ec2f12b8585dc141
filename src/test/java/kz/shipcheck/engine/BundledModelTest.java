package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;

/**
 * The bundled pack's rules as built into shipcheck (the executable model the build makes from its
 * DRL) check exactly as its DRL compiled: the same rules, catalogue and findings, field by field,
 * over every example and rule fixture, in every language. A rule whose DRL means one thing to
 * Drools' DRL compiler and another to its model compiler fails here.
 */
class BundledModelTest {
  static PackFiles bundled;
  static RulePack model;
  static RulePack drl;

  @BeforeAll
  static void load() throws Exception {
    bundled = PackFiles.bundled();
    model = RulePack.load(bundled, null, null, null, "test", true);
    drl = RulePack.load(bundled, null, null, null, "test", false);
  }

  @Test
  void theBuildMadeTheModelFromTheseVeryFiles() throws Exception {
    KieBase kb = BundledModel.kieBase(bundled);
    assertNotNull(kb, "a model for the bundled pack's sha256 " + bundled.sha256());
    assertTrue(model.loadTiming().contains("built into shipcheck"), model.loadTiming());
    assertTrue(drl.loadTiming().contains("compiled, no cache"), drl.loadTiming());
    assertEquals(
        DrlRules.of(bundled.drlSources()),
        CacheEntry.rulesOf(new ArrayList<>(kb.getKiePackages())),
        "the rules the DRL declares, with their ids");
  }

  @Test
  void anyOtherPackIsCompiledFromItsDrl() throws Exception {
    PackFiles folder = PackFiles.fromDirectory(Path.of("rules"));
    assertEquals(bundled.sha256(), folder.sha256(), "the same files");
    assertNull(BundledModel.kieBase(folder), "but a pack in a folder, which may change");
    RulePack pack = RulePack.load(folder, null, null, null, "test", true);
    assertTrue(pack.loadTiming().contains("compiled, no cache"), pack.loadTiming());
  }

  @Test
  void theCatalogueIsTheSame() {
    assertEquals(drl.catalogue(), model.catalogue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru", "kk", "zh"})
  void everyExampleAndFixtureChecksAlike(String lang) throws Exception {
    Map<String, List<List<Finding>>> want =
        PackCacheTest.checkAll(drl.in(lang), "shipments", "rules/tests");
    assertTrue(want.size() > 40, "every example and fixture: " + want.keySet());
    assertTrue(
        want.values().stream().flatMap(List::stream).mapToInt(List::size).sum() > 100,
        "and they find things");
    assertEquals(want, PackCacheTest.checkAll(model.in(lang), "shipments", "rules/tests"));
  }
}
