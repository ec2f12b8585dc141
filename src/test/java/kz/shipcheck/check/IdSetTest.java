package kz.shipcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdSetTest {
  @Test
  void behavesLikeASetOfStrings() {
    IdSet ids = new IdSet();
    Set<String> reference = new HashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      String id = "KZ-CN-2025-" + random.nextInt(150_000);
      assertEquals(reference.add(id), ids.add(id), id);
    }
    assertEquals(reference.size(), ids.size());
  }

  @Test
  void exactForUnicodeLongAndEmptyIds() {
    IdSet ids = new IdSet();
    String longId = "x".repeat(70_000);
    assertTrue(ids.add(longId));
    assertFalse(ids.add("x".repeat(70_000)));
    assertTrue(ids.add("x".repeat(69_999)));
    assertTrue(ids.add("партия-№1"));
    assertFalse(ids.add("партия-№1"));
    assertTrue(ids.add("партия-№2"));
    assertTrue(ids.add(""));
    assertFalse(ids.add(""));
    ids.clear();
    assertTrue(ids.add("партия-№1"));
    assertEquals(1, ids.size());
  }

  @Test
  void idsAreOneWhenTrimmedAndInNfcAndNeverCollideOtherwise() {
    IdSet ids = new IdSet();
    assertTrue(ids.add("KZ-1"));
    assertFalse(ids.add("KZ-1 "));
    assertFalse(ids.add(" KZ-1"));
    assertTrue(ids.add("FX-\u00C9T\u00C9-1"));
    assertFalse(ids.add("FX-E\u0301TE\u0301-1"));
    // lone surrogate halves once all became '?' in UTF-8, and two different ids one
    assertTrue(ids.add("KZ-\uD800"));
    assertTrue(ids.add("KZ-\uD801"));
    assertTrue(ids.add("KZ-?"));
    assertTrue(ids.add("KZ-\uDC00\uD800"));
    assertFalse(ids.add("KZ-\uD800"));
    assertEquals(6, ids.size());
  }

  @Test
  void eachIdCostsAFixedSizeWhateverItsLength() {
    // 3,000 ids of 65,000 characters once took 195 MB here, in an array of 256 MB (and exhausted a
    // 160 MB heap)
    IdSet ids = new IdSet();
    StringBuilder id = new StringBuilder("x".repeat(65_000));
    for (int i = 0; i < 3_000; i++) {
      id.setCharAt(i % 65_000, (char) ('a' + i / 65_000 + i % 7));
      id.replace(0, 4, String.format("%04d", i));
      assertTrue(ids.add(id.toString()));
    }
    assertEquals(3_000, ids.size());
    assertTrue(ids.footprintBytes() <= 3_000 * 64L * 2, "bytes held: " + ids.footprintBytes());
  }
}
