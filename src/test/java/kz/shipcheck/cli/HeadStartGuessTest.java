package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pack is read ahead only for a check that will use the bundled pack and the cache. */
class HeadStartGuessTest {
  @Test
  void aCheckWithTheBundledPackAndTheCacheReadsAhead() {
    assertTrue(Main.headStartPays(new String[] {"check", "shipments"}));
    assertTrue(
        Main.headStartPays(new String[] {"--debug", "check", "a.yaml", "--register", "r.csv"}));
  }

  @Test
  void anythingElseDoesNot() {
    assertFalse(Main.headStartPays(new String[] {"check", "--rules", "pack", "shipments"}));
    assertFalse(Main.headStartPays(new String[] {"check", "--rules=pack", "shipments"}));
    assertFalse(Main.headStartPays(new String[] {"check", "--no-cache", "shipments"}));
    assertFalse(Main.headStartPays(new String[] {"check", "--help"}));
    assertFalse(Main.headStartPays(new String[] {"rules"}));
    assertFalse(Main.headStartPays(new String[] {"test", "check"}));
    assertFalse(Main.headStartPays(new String[] {}));
  }

  @Test
  void theLanguageReadAheadIsTheOneTheArgumentsName() {
    assertEquals("ru", Main.langGuess(new String[] {"check", "--lang", "ru", "a.yaml"}));
    assertEquals("kk", Main.langGuess(new String[] {"check", "a.yaml", "--lang=kk"}));
    String env = System.getenv("SHIPCHECK_LANG");
    assertEquals(env == null ? "en" : env.trim(), Main.langGuess(new String[] {"check", "a.yaml"}));
  }
}
