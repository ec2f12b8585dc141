package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.InputLimits;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCacheTest {
  @TempDir Path cache;

  private static List<Finding> check(RulePack pack, String file) throws Exception {
    ReadDocument d = new DeclarationReader(InputLimits.defaults(), null)
        .readBytes(file, Files.readAllBytes(Path.of(file))).get(0);
    try (Evaluator e = pack.newEvaluator()) {
      return e.evaluate(List.of(new Evaluator.Input(d.declaration(), d.locations()))).get(0);
    }
  }

  static List<String> declared(PackFiles files) {
    return DrlRules.of(files.drlSources());
  }

  @Test
  void aCachedPackBehavesLikeACompiledOne() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    RulePack compiled = RulePack.load(files, null, null, cache, "test");
    try (var entries = Files.list(cache)) {
      assertEquals(1, entries.count(), "one entry written");
    }
    String key = PackCache.key(files, "test");
    assertNotNull(PackCache.at(cache).load(key, declared(files)).kieBase(), "the entry reads back");
    RulePack cached = RulePack.load(files, null, null, cache, "test");
    assertEquals(compiled.catalogue(), cached.catalogue());
    String fail = "src/test/resources/cli/pork-fail.yaml";
    assertEquals(check(compiled, fail), check(cached, fail));
    assertTrue(!check(cached, fail).isEmpty());
  }

  @Test
  void aCorruptEntryIsIgnoredAndRebuilt() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    String key = PackCache.key(files, "test");
    Files.createDirectories(cache);
    Files.write(PackCache.at(cache).file(key), "not a pack".getBytes(StandardCharsets.UTF_8));
    PackCache.Loaded corrupt = PackCache.at(cache).load(key, declared(files));
    assertNull(corrupt.kieBase());
    assertTrue(corrupt.doubt().contains("not a shipcheck cache entry"), corrupt.doubt());
    Files.write(PackCache.at(cache).file(key), "not a pack".getBytes(StandardCharsets.UTF_8));
    RulePack pack = RulePack.load(files, null, null, cache, "test");
    assertEquals(1, check(pack, "src/test/resources/cli/pork-fail.yaml").size());
    assertTrue(pack.cacheNotice().startsWith("discarded the compiled-rule-pack cache entry " + PackCache.at(cache).file(key)
        + " (not a shipcheck cache entry)"), pack.cacheNotice());
    assertNotNull(PackCache.at(cache).load(key, declared(files)).kieBase(), "rebuilt after the corrupt entry");
    assertNull(RulePack.load(files, null, null, cache, "test").cacheNotice(), "and read without a word");
  }

  @Test
  void theKeyChangesWithAnyFileOfThePackAndTheVersion(@TempDir Path packs) throws Exception {
    Path a = packs.resolve("a");
    kz.shipcheck.testing.PackCopy.of(a, false);
    String before = PackCache.key(PackFiles.fromDirectory(a), "1");
    assertEquals(before, PackCache.key(PackFiles.fromDirectory(a), "1"), "the same files give the same key");
    assertNotEquals(before, PackCache.key(PackFiles.fromDirectory(a), "2"), "another shipcheck version");
    Path rates = a.resolve("data/rates.yaml");
    Files.writeString(rates, Files.readString(rates) + "\n# edited\n");
    assertNotEquals(before, PackCache.key(PackFiles.fromDirectory(a), "1"), "a data file, not only the DRL");
  }

  @Test
  void runsThatFillTheCacheAtOnceAllSucceedAndLeaveOneGoodEntry() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    int runs = 4;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(runs);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
    try {
      List<java.util.concurrent.Future<List<Finding>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < runs; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return check(RulePack.load(files, null, null, cache, "test"), "src/test/resources/cli/pork-fail.yaml");
        }));
      }
      List<Finding> first = results.get(0).get();
      for (var r : results) {
        assertEquals(first, r.get(), "every run checks alike, whoever wrote the entry");
      }
    } finally {
      pool.shutdownNow();
    }
    try (var entries = Files.list(cache)) {
      assertEquals(List.of(PackCache.at(cache).file(PackCache.key(files, "test")).getFileName().toString()),
          entries.map(p -> p.getFileName().toString()).toList(), "one entry, no temporary files left");
    }
    assertNotNull(PackCache.at(cache).load(PackCache.key(files, "test"), declared(files)).kieBase(), "and it reads back");
  }
}
