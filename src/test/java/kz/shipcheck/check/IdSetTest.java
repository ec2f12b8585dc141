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
}
