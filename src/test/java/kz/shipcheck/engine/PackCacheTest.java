package kz.shipcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.result.Finding;
import kz.shipcheck.yaml.InputLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PackCacheTest {
  @TempDir Path cache;

  private static List<Finding> check(RulePack pack, String file) throws Exception {
    ReadDocument d =
        new DeclarationReader(InputLimits.defaults(), null)
            .readBytes(file, Files.readAllBytes(Path.of(file)))
            .get(0);
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

  /** The findings of every valid document of every YAML file below these folders. */
  static Map<String, List<List<Finding>>> checkAll(RulePack pack, String... folders)
      throws Exception {
    Map<String, List<List<Finding>>> out = new java.util.TreeMap<>();
    for (String folder : folders) {
      List<Path> yaml;
      try (var walk = Files.walk(Path.of(folder))) {
        yaml = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
      for (Path f : yaml) {
        List<Evaluator.Input> inputs = new java.util.ArrayList<>();
        for (ReadDocument d :
            new DeclarationReader(InputLimits.defaults(), null)
                .readBytes(f.toString(), Files.readAllBytes(f))) {
          if (d.isValid()) {
            inputs.add(new Evaluator.Input(d.declaration(), d.locations()));
          }
        }
        try (Evaluator e = pack.newEvaluator()) {
          out.put(f.toString(), e.evaluate(inputs));
        }
      }
    }
    return out;
  }

  @Test
  void anEntryReadInPartsChecksEveryExampleAndFixtureAsTheCompiledRules() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    List<org.kie.api.definition.KiePackage> packages =
        new java.util.ArrayList<>(
            RulePack.load(files, null, null, null, "test").kieBase().getKiePackages());
    List<byte[]> parts = CacheEntry.serialize(packages, CacheEntry.PARTS);
    assertEquals(CacheEntry.PARTS, parts.size(), "as many parts as threads to read them");
    int smaller = Math.min(parts.get(0).length, parts.get(1).length);
    int larger = Math.max(parts.get(0).length, parts.get(1).length);
    assertTrue(smaller * 2 > larger, "parts of about one size: " + smaller + ", " + larger);
    assertEquals(
        packages.size(),
        CacheEntry.serialize(packages, packages.size() + 3).size(),
        "never more parts than packages");

    RulePack compiled = RulePack.load(files, null, null, cache, "test");
    RulePack cached = RulePack.load(files, null, null, cache, "test");
    assertTrue(cached.loadTiming().contains("from the cache"), cached.loadTiming());
    Map<String, List<List<Finding>>> want = checkAll(compiled, "shipments", "rules/tests");
    assertTrue(want.size() > 40, "every example and fixture: " + want.keySet());
    assertEquals(want, checkAll(cached, "shipments", "rules/tests"));
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
    assertTrue(
        pack.cacheNotice()
            .startsWith(
                "discarded the compiled-rule-pack cache entry "
                    + PackCache.at(cache).file(key)
                    + " (not a shipcheck cache entry)"),
        pack.cacheNotice());
    assertNotNull(
        PackCache.at(cache).load(key, declared(files)).kieBase(),
        "rebuilt after the corrupt entry");
    assertNull(
        RulePack.load(files, null, null, cache, "test").cacheNotice(), "and read without a word");
  }

  @Test
  void theKeyChangesWithAnyFileOfThePackAndTheVersion(@TempDir Path packs) throws Exception {
    Path a = packs.resolve("a");
    kz.shipcheck.testing.PackCopy.of(a, false);
    String before = PackCache.key(PackFiles.fromDirectory(a), "1");
    assertEquals(
        before, PackCache.key(PackFiles.fromDirectory(a), "1"), "the same files give the same key");
    assertNotEquals(
        before, PackCache.key(PackFiles.fromDirectory(a), "2"), "another shipcheck version");
    Path rates = a.resolve("data/rates.yaml");
    Files.writeString(rates, Files.readString(rates) + "\n# edited\n");
    assertNotEquals(
        before, PackCache.key(PackFiles.fromDirectory(a), "1"), "a data file, not only the DRL");
  }

  @Test
  void runsThatFillTheCacheAtOnceAllSucceedAndLeaveOneGoodEntry() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    int runs = 4;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(runs);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(runs);
    try {
      List<java.util.concurrent.Future<List<Finding>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < runs; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return check(
                      RulePack.load(files, null, null, cache, "test"),
                      "src/test/resources/cli/pork-fail.yaml");
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
      assertEquals(
          List.of(PackCache.at(cache).file(PackCache.key(files, "test")).getFileName().toString()),
          entries.map(p -> p.getFileName().toString()).toList(),
          "one entry, no temporary files left");
    }
    assertNotNull(
        PackCache.at(cache).load(PackCache.key(files, "test"), declared(files)).kieBase(),
        "and it reads back");
  }

  /**
   * An entry in the new layout with a header that says all the right things (this key, the DRL's
   * rules, the payload's parts, their lengths and hashes), as someone who knows the layout would
   * forge it.
   */
  static byte[] forged(String key, List<String> rules, byte[] payload) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.write("shipcheck compiled rule pack\n".getBytes(StandardCharsets.US_ASCII));
      out.writeUTF(key);
      out.writeInt(rules.size());
      for (String r : rules) {
        out.writeUTF(r);
      }
      out.writeInt(1); // one part
      out.writeLong(payload.length);
      out.write(java.security.MessageDigest.getInstance("SHA-256").digest(payload));
      out.write(payload);
    }
    return bytes.toByteArray();
  }

  private PackCache.Loaded loadForged(PackCache at, byte[] payload) throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    String key = PackCache.key(files, "test");
    Files.write(at.file(key), forged(key, declared(files), payload));
    PackCache.Loaded loaded = at.load(key, declared(files));
    assertNull(loaded.kieBase());
    assertFalse(Files.exists(at.file(key)), "the entry is deleted");
    return loaded;
  }

  /** Behind a header that passes, what is read is still bounded and checked. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard only
  void aForgedHeaderDoesNotCarryAHostilePayload() throws Exception {
    PackCache at = PackCache.at(cache);
    String empty =
        loadForged(at, PackCacheHostileTest.serialized(new java.util.ArrayList<>())).doubt();
    int rules = declared(PackFiles.fromDirectory(Path.of("rules"))).size();
    assertTrue(
        empty.contains(
            "(it holds other rules than the DRL declares: 0 rules, the DRL " + rules + ")"),
        empty);
    String deep = loadForged(at, PackCacheHostileTest.nestedSets(100)).doubt();
    assertTrue(deep.contains("refused while reading it"), deep);
    String huge =
        loadForged(at, PackCacheHostileTest.arrayClaiming(new long[0], Integer.MAX_VALUE - 15))
            .doubt();
    assertTrue(huge.contains("refused while reading it"), huge);
    // the packages of another pack (this one without access.drl), compiled and serialized as an
    // entry is
    Path otherPack = kz.shipcheck.testing.PackCopy.of(cache.resolve("other-pack"), false);
    Files.delete(otherPack.resolve("access.drl"));
    RulePack otherRules =
        RulePack.load(PackFiles.fromDirectory(otherPack), null, null, null, "test");
    java.io.ByteArrayOutputStream packages = new java.io.ByteArrayOutputStream();
    try (var out = new org.drools.base.common.DroolsObjectOutputStream(packages)) {
      out.writeObject(new java.util.ArrayList<>(otherRules.kieBase().getKiePackages()));
    }
    String otherPackages = loadForged(at, packages.toByteArray()).doubt();
    long inAccess =
        Files.readAllLines(Path.of("rules/access.drl")).stream()
            .filter(l -> l.startsWith("rule "))
            .count();
    assertTrue(
        otherPackages.contains(
            "(it holds other rules than the DRL declares: "
                + (rules - inAccess)
                + " rules, the DRL "
                + rules
                + ")"),
        otherPackages);
    // a header that lists other rules is refused before anything is read
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    String key = PackCache.key(files, "test");
    Files.write(
        at.file(key), forged(key, declared(files).subList(1, rules), packages.toByteArray()));
    String listed = at.load(key, declared(files)).doubt();
    assertTrue(
        listed.contains(
            "(it lists other rules than the DRL declares: "
                + (rules - 1)
                + " rules, the DRL "
                + rules
                + ")"),
        listed);
    String other =
        loadForged(at, PackCacheHostileTest.serialized(java.net.URI.create("http://example.org/")))
            .doubt();
    assertTrue(other.contains("refused while reading it"), "java.net is not read: " + other);
  }

  /**
   * Sets nested 50 deep are within the depth bound and take about 2^50 steps to read: the read is
   * abandoned when its time is up, and the pack compiled. The short limit cannot make the test
   * flaky: this entry is never good, however fast the machine.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard only
  @SuppressWarnings({"deprecation", "removal"})
  void aReadThatNeverEndsIsAbandoned() throws Exception {
    PackCache at = PackCache.at(cache, java.time.Duration.ofSeconds(2));
    try {
      String doubt = loadForged(at, PackCacheHostileTest.nestedSets(50)).doubt();
      assertTrue(doubt.contains("(reading it took longer than 2 s)"), doubt);
      PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
      RulePack pack = RulePack.load(files, null, null, cache, "test");
      assertEquals(1, check(pack, "src/test/resources/cli/pork-fail.yaml").size());
    } finally {
      // the abandoned reader spins until the JVM ends; a test JVM runs on, so stop it here
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("shipcheck-cache-read")) {
          try {
            t.stop();
          } catch (UnsupportedOperationException e) {
            // a newer JVM cannot stop it; it is a daemon
          }
        }
      }
    }
  }

  @Test
  void anEntryOthersCanWriteOrThatIsALinkIsDiscarded(@TempDir Path elsewhere) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    String key = PackCache.key(files, "test");
    RulePack.load(files, null, null, cache, "test");
    Path entry = PackCache.at(cache).file(key);
    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
    String writable = PackCache.at(cache).load(key, declared(files)).doubt();
    assertTrue(writable.contains("(writable by its group or others (mode 666))"), writable);

    RulePack.load(files, null, null, cache, "test");
    Path moved = Files.move(entry, elsewhere.resolve("entry.bin"));
    Files.createSymbolicLink(entry, moved);
    String link = PackCache.at(cache).load(key, declared(files)).doubt();
    assertTrue(link.contains("(not a regular file)"), link);
  }

  @Test
  void anEntryOfAnotherUserIsDiscarded() throws Exception {
    assumeTrue(isRoot(), "only root can give a file away");
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    String key = PackCache.key(files, "test");
    RulePack.load(files, null, null, cache, "test");
    Files.setAttribute(PackCache.at(cache).file(key), "unix:uid", 12345);
    String doubt = PackCache.at(cache).load(key, declared(files)).doubt();
    assertTrue(doubt.contains("(owned by uid 12345, not by this user (uid 0))"), doubt);
  }

  static boolean isRoot() throws IOException {
    return Files.isDirectory(Path.of("/proc/self"))
        && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
  }

  private static CacheLocation.Location locate(Map<String, String> env, Map<String, String> props) {
    return CacheLocation.locate(env::get, props::get);
  }

  @Test
  void theCacheFolderComesFromTheEnvironmentThenTheHome(@TempDir Path home) throws Exception {
    Path mine = home.resolve("mine");
    assertEquals(
        new CacheLocation.Location(mine, null),
        locate(Map.of("SHIPCHECK_CACHE_DIR", mine.toString()), Map.of()));
    assertEquals(
        new CacheLocation.Location(mine, null),
        locate(Map.of(), Map.of("shipcheck.cache.dir", mine.toString())));
    assertEquals(
        new CacheLocation.Location(home.resolve("x/shipcheck"), null),
        locate(
            Map.of("XDG_CACHE_HOME", home.resolve("x").toString()),
            Map.of("user.home", "/nowhere")));
    assertEquals(
        new CacheLocation.Location(home.resolve(".cache/shipcheck"), null),
        locate(Map.of(), Map.of("user.home", home.toString())));
    // no passwd entry: Java's home is '?', and $HOME is the one left
    assertEquals(
        new CacheLocation.Location(home.resolve(".cache/shipcheck"), null),
        locate(Map.of("HOME", home.toString()), Map.of("user.home", "?")));
  }

  @Test
  void aRelativeOrMissingHomeMeansNoCache() {
    assertEquals(
        new CacheLocation.Location(
            null,
            "not using the compiled-rule-pack cache: there is no home folder"
                + " (Java's user.home is '?' and $HOME is not set); set SHIPCHECK_CACHE_DIR to a folder of your own"),
        locate(Map.of(), Map.of("user.home", "?")));
    assertEquals(
        "not using the compiled-rule-pack cache: there is no home folder (Java's user.home is '?' and $HOME is"
            + " '?'); set SHIPCHECK_CACHE_DIR to a folder of your own",
        locate(Map.of("HOME", "?"), Map.of("user.home", "?")).refusal());
    assertNull(locate(Map.of("HOME", "relative"), Map.of("user.home", "rel")).dir());
    assertEquals(
        "not using the compiled-rule-pack cache: $SHIPCHECK_CACHE_DIR is not an absolute path ('cache')",
        locate(Map.of("SHIPCHECK_CACHE_DIR", "cache"), Map.of("user.home", "/root")).refusal());
    assertEquals(
        "not using the compiled-rule-pack cache: -Dshipcheck.cache.dir is not an absolute path ('./c')",
        locate(Map.of(), Map.of("shipcheck.cache.dir", "./c", "user.home", "/root")).refusal());
    assertEquals(
        "not using the compiled-rule-pack cache: $XDG_CACHE_HOME is not an absolute path ('?/.cache')",
        locate(Map.of("XDG_CACHE_HOME", "?/.cache"), Map.of("user.home", "/root")).refusal());
  }

  @Test
  void aFolderOthersCanWriteOrReplaceMeansNoCache(@TempDir Path base) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
    Path open = Files.createDirectory(base.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertEquals(
        "not using the compiled-rule-pack cache: "
            + open
            + " is writable by its group or others (mode 777;"
            + " chmod go-w "
            + open
            + ")",
        locate(Map.of("SHIPCHECK_CACHE_DIR", open.toString()), Map.of()).refusal());
    // a folder inside one that anyone can write: someone else could rename it and put theirs
    assertEquals(
        "not using the compiled-rule-pack cache: "
            + open
            + " is writable by its group or others (mode 777;"
            + " chmod go-w "
            + open
            + ")",
        locate(Map.of("SHIPCHECK_CACHE_DIR", open.resolve("mine/shipcheck").toString()), Map.of())
            .refusal());
    // unless it is sticky, as /tmp is
    Path sticky = Files.createDirectory(base.resolve("sticky"));
    Files.setAttribute(sticky, "unix:mode", 01777);
    assertNull(
        locate(Map.of("SHIPCHECK_CACHE_DIR", sticky.resolve("mine").toString()), Map.of())
            .refusal());
    // a cache folder that is a file
    Path file = Files.createFile(base.resolve("file"));
    assertEquals(
        "not using the compiled-rule-pack cache: " + file + " is not a folder",
        locate(Map.of("SHIPCHECK_CACHE_DIR", file.toString()), Map.of()).refusal());
    // the folder the cache creates is its user's alone, and accepted next time
    Path made = base.resolve("made/shipcheck");
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    RulePack.load(files, null, null, made, "test");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
    assertEquals(
        new CacheLocation.Location(made, null),
        locate(Map.of("SHIPCHECK_CACHE_DIR", made.toString()), Map.of()));
  }

  @Test
  void aFolderOfAnotherUserMeansNoCache(@TempDir Path base) throws Exception {
    assumeTrue(isRoot(), "only root can give a folder away");
    Path theirs = Files.createDirectory(base.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", 12345);
    assertEquals(
        "not using the compiled-rule-pack cache: "
            + theirs
            + " is owned by uid 12345, not by this user (uid 0)",
        locate(Map.of("SHIPCHECK_CACHE_DIR", theirs.toString()), Map.of()).refusal());
    assertEquals(
        "not using the compiled-rule-pack cache: "
            + theirs
            + " is owned by uid 12345, not by this user"
            + " (uid 0) or root",
        locate(Map.of("SHIPCHECK_CACHE_DIR", theirs.resolve("below").toString()), Map.of())
            .refusal());
  }

  /**
   * A load interrupted because the run stopped wanting the rules (the pack's data failed to load
   * first) leaves a good entry alone.
   */
  @Test
  void anInterruptedLoadKeepsTheEntry() throws Exception {
    PackFiles files = PackFiles.fromDirectory(Path.of("rules"));
    String key = PackCache.key(files, "test");
    RulePack.load(files, null, null, cache, "test");
    PackCache.Loaded loaded;
    Thread.currentThread().interrupt();
    try {
      loaded = PackCache.at(cache).load(key, declared(files));
    } finally {
      Thread.interrupted();
    }
    assertEquals(new PackCache.Loaded(null, null), loaded);
    assertNotNull(
        PackCache.at(cache).load(key, declared(files)).kieBase(),
        "the entry is still there and good");
  }
}
