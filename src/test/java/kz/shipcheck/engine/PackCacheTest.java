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
import java.util.Map;
import java.util.TreeMap;
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

  @Test
  void aCachedPackBehavesLikeACompiledOne() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    RulePack compiled = RulePack.load(files, null, null, cache, "test");
    try (var entries = Files.list(cache)) {
      assertEquals(1, entries.count(), "one entry written");
    }
    String key = PackCache.key(files.drlSources(), "test");
    assertNotNull(PackCache.at(cache).load(key), "the entry reads back");
    RulePack cached = RulePack.load(files, null, null, cache, "test");
    assertEquals(compiled.catalogue(), cached.catalogue());
    String fail = "src/test/resources/cli/pork-fail.yaml";
    assertEquals(check(compiled, fail), check(cached, fail));
    assertTrue(!check(cached, fail).isEmpty());
  }

  @Test
  void aCorruptEntryIsIgnoredAndRebuilt() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    String key = PackCache.key(files.drlSources(), "test");
    Files.createDirectories(cache);
    Files.write(PackCache.at(cache).file(key), "not a pack".getBytes(StandardCharsets.UTF_8));
    assertNull(PackCache.at(cache).load(key));
    RulePack pack = RulePack.load(files, null, null, cache, "test");
    assertEquals(1, check(pack, "src/test/resources/cli/pork-fail.yaml").size());
    assertNotNull(PackCache.at(cache).load(key), "rebuilt after the corrupt entry");
  }

  @Test
  void theKeyChangesWithTheSourcesAndTheVersion() {
    Map<String, byte[]> a = new TreeMap<>(Map.of("a.drl", "rule".getBytes(StandardCharsets.UTF_8)));
    Map<String, byte[]> b = new TreeMap<>(Map.of("a.drl", "rule ".getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(PackCache.key(a, "1"), PackCache.key(b, "1"));
    assertNotEquals(PackCache.key(a, "1"), PackCache.key(a, "2"));
    assertEquals(PackCache.key(a, "1"), PackCache.key(a, "1"));
  }
}
