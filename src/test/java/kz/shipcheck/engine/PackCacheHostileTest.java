package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.Finding;
import kz.shipcheck.yaml.InputLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever lies in the cache entry's place, a failing declaration still fails and the entry is
 * rewritten good. These are entries as an attacker (or a broken disk) writes them, in raw Java
 * serialization: an empty list once made every declaration pass, a "billion laughs" of nested sets
 * hung start-up, an array header claiming a billion elements ran out of memory, and another pack's
 * entry under this pack's file name was read as this pack.
 */
class PackCacheHostileTest {
  static final String FAILING = "src/test/resources/cli/pork-fail.yaml";
  static PackFiles files;
  static List<Finding> expected;

  @TempDir static Path shared;

  @BeforeAll
  static void compileWithoutCache() throws Exception {
    files = PackFiles.fromDirectory(Path.of("rules"));
    expected = check(RulePack.load(files, null, null, null, "test"), FAILING);
    assertFalse(expected.isEmpty(), "the declaration fails");
  }

  static List<Finding> check(RulePack pack, String file) throws Exception {
    ReadDocument d =
        new DeclarationReader(InputLimits.defaults(), null)
            .readBytes(file, Files.readAllBytes(Path.of(file)))
            .get(0);
    try (Evaluator e = pack.newEvaluator()) {
      return e.evaluate(List.of(new Evaluator.Input(d.declaration(), d.locations()))).get(0);
    }
  }

  static byte[] serialized(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The classic deserialization bomb: sets nested {@code depth} deep, each level twice. */
  static byte[] nestedSets(int depth) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < depth; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("foo");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return serialized(root);
  }

  /**
   * An empty array of this type, its length in the stream (the last four bytes) set to {@code
   * length}.
   */
  static byte[] arrayClaiming(Object emptyArray, int length) {
    byte[] b = serialized(emptyArray);
    ByteBuffer.wrap(b).putInt(b.length - 4, length);
    return b;
  }

  /**
   * A good entry of the bundled pack with the rules of access.drl (the failing rule's file) left
   * out.
   */
  static byte[] anotherPacksEntry() throws Exception {
    Path pack = shared.resolve("other-pack");
    if (!Files.exists(pack)) {
      kz.shipcheck.testing.PackCopy.of(pack, false);
      Files.delete(pack.resolve("access.drl"));
    }
    Path cache = Files.createTempDirectory(shared, "other-cache");
    RulePack.load(PackFiles.fromDirectory(pack), null, null, cache, "test");
    try (Stream<Path> entries = Files.list(cache)) {
      return Files.readAllBytes(
          entries.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow());
    }
  }

  /** This pack's own good entry, cut in half. */
  static byte[] truncatedEntry() throws Exception {
    Path cache = Files.createTempDirectory(shared, "own-cache");
    RulePack.load(files, null, null, cache, "test");
    try (Stream<Path> entries = Files.list(cache)) {
      byte[] whole =
          Files.readAllBytes(
              entries.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow());
      return Arrays.copyOf(whole, whole.length / 2);
    }
  }

  interface Entry {
    byte[] bytes() throws Exception;
  }

  static Stream<Arguments> entries() {
    return Stream.of(
        Arguments.of("an empty ArrayList (58 bytes)", (Entry) () -> serialized(new ArrayList<>())),
        Arguments.of("sets nested 100 deep", (Entry) () -> nestedSets(100)),
        Arguments.of(
            "a byte array claiming 2^30 elements",
            (Entry) () -> arrayClaiming(new byte[0], 1 << 30)),
        Arguments.of(
            "a long array claiming 2^31-16 elements",
            (Entry) () -> arrayClaiming(new long[0], Integer.MAX_VALUE - 15)),
        Arguments.of("another pack's entry", (Entry) PackCacheHostileTest::anotherPacksEntry),
        Arguments.of("a truncated entry", (Entry) PackCacheHostileTest::truncatedEntry),
        Arguments.of("text", (Entry) () -> "not a pack".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("nothing", (Entry) () -> new byte[0]));
  }

  // the timeout is a hang guard only (the nested sets never finished before the fix)
  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aHostileEntryNeverChangesTheVerdictAndIsRewrittenGood(
      String name, Entry entry, @TempDir Path cache) throws Exception {
    byte[] bytes = entry.bytes();
    if (name.startsWith("an empty ArrayList")) {
      assertEquals(58, bytes.length, "the entry of the report");
    }
    Path file = cache.resolve("pack-" + PackCache.key(files, "test") + ".bin");
    Files.write(file, bytes);

    RulePack pack = RulePack.load(files, null, null, cache, "test");
    assertEquals(expected, check(pack, FAILING), "the declaration still fails, as compiled");
    assertTrue(pack.loadTiming().contains("compiled"), pack.loadTiming());

    RulePack again = RulePack.load(files, null, null, cache, "test");
    assertTrue(
        again.loadTiming().contains("from the cache"),
        "the entry was rewritten good: " + again.loadTiming());
    assertEquals(expected, check(again, FAILING));
    try (Stream<Path> left = Files.list(cache)) {
      assertEquals(
          List.of(file.getFileName().toString()),
          left.map(p -> p.getFileName().toString()).toList());
    }
  }
}
