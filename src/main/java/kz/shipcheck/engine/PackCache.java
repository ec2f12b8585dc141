package kz.shipcheck.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kz.shipcheck.pack.PackFiles;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * A cache of compiled rule packs on disk, so that a second run with the same pack does not compile
 * DRL again (compiling is most of the start-up cost). The compiled packages are written with
 * Drools' own serialization, keyed by a hash of every file in the pack plus the Drools, shipcheck
 * and Java versions. Entries are written to a temporary file and moved into place, so two runs
 * starting at once at worst both compile, and never read half a file.
 *
 * <p>An entry is compiled code, and whatever reads it decides every verdict: an empty list in its
 * place once made every declaration pass. So an entry is used only when nothing about it is in
 * doubt, and otherwise discarded and rebuilt from the DRL:
 *
 * <ul>
 *   <li>its file is a regular file of the user's own that nobody else can write, in a folder of the
 *       same kind ({@link CacheLocation#standard()} refuses any other folder);
 *   <li>its header names the key it was written for and the rules it holds, and both are this
 *       pack's: the rules as the DRL declares them ({@link DrlRules}), never as the entry says;
 *   <li>its payload has the length and SHA-256 the header gives (a truncated entry is not read);
 *   <li>reading is bounded in depth, references, array length and bytes, limited to the classes of
 *       the JDK's lang, util, time and math packages, Drools, MVEL and shipcheck, and given {@link
 *       #LOAD_TIMEOUT} on a thread of its own (a "billion laughs" of nested sets never ends);
 *   <li>the packages read hold exactly the rules the DRL declares, each with its {@code @id}.
 * </ul>
 *
 * <p>A full allow-list of classes is not kept: which Drools classes a pack's packages hold depends
 * on its DRL (its constraints, accumulates, functions, declared types, imports), so an exact list
 * would refuse some honest packs; the bounds, the time limit and the check of the rules read carry
 * the rest. Every entry is read back through all of the above before it is put in place, so a pack
 * whose entry would be refused is simply not cached, and a discarded entry means someone changed
 * it.
 *
 * <p>This class keys, finds and replaces entries; {@link CacheLocation} decides where they live and
 * whether a folder or file is safe, and {@link CacheEntry} writes and reads one entry's file.
 */
final class PackCache {
  /** Part of the key: a new entry layout gets new file names, and old entries are never read. */
  private static final String FORMAT = "3";

  /**
   * How long reading an entry may take before it is abandoned and the pack compiled instead:
   * reading the bundled pack's takes a fraction of a second, so this only stops a read that would
   * never end. The abandoned thread cannot be stopped (deserialization does not look at
   * interrupts); it is a daemon and ends with the run.
   */
  static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final Duration timeout;

  private PackCache(Path dir, Duration timeout) {
    this.dir = dir;
    this.timeout = timeout;
  }

  static PackCache at(Path dir) {
    return new PackCache(dir, LOAD_TIMEOUT);
  }

  /**
   * A cache that gives up reading after {@code timeout}: for the test of an entry that never ends.
   */
  static PackCache at(Path dir, Duration timeout) {
    return new PackCache(dir, timeout);
  }

  /**
   * The cache key of a pack under this build of shipcheck: the pack's sha256 (over every file in
   * the pack, DRL, data and fixtures, by name and content; {@link PackFiles#sha256()}) and the
   * versions that decide whether a serialized KieBase can be read back. Data files are not
   * compiled, but keying on them leaves no doubt about which pack an entry belongs to; and the
   * sha256 is computed for the reports anyway, so the key costs no hashing of its own (hashing the
   * files a second way took 30 ms of a one-file check, before the entry could be read).
   */
  static String key(PackFiles files, String toolVersion) {
    return key(files.sha256(), toolVersion);
  }

  static String key(String packHash, String toolVersion) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part :
          List.of(
              FORMAT, toolVersion, droolsVersion(), System.getProperty("java.version"), packHash)) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String droolsVersion() {
    Package p = KieBase.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? "drools" : v;
  }

  Path file(String key) {
    return dir.resolve("pack-" + key + ".bin");
  }

  /**
   * What reading an entry gave.
   *
   * @param kieBase the compiled rules, or null
   * @param doubt when an entry was there but was discarded, one line saying which and why; null
   *     when it was used or there was none
   */
  record Loaded(KieBase kieBase, String doubt) {}

  /**
   * The cached KieBase for this key, when an entry is there and holds exactly the rules the DRL
   * declares ({@link DrlRules#of}); an entry in any doubt is deleted and reported in {@link
   * Loaded#doubt()}.
   */
  Loaded load(String key, List<String> declaredRules) {
    Path f = file(key);
    if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
      return new Loaded(null, null);
    }
    try {
      return new Loaded(CacheEntry.read(f, key, declaredRules, timeout), null);
    } catch (CacheEntry.Doubt d) {
      if (Thread.currentThread().isInterrupted()) {
        // the run no longer wants the rules (a data error came first): the entry is not in doubt
        return new Loaded(null, null);
      }
      try {
        Files.deleteIfExists(f);
      } catch (IOException ignored) {
        // another run may have replaced it; compiling is always safe
      }
      return new Loaded(
          null,
          "discarded the compiled-rule-pack cache entry "
              + f
              + " ("
              + d.getMessage()
              + ") and compiled the rules again");
    }
  }

  /**
   * Stores a compiled KieBase whose rules are the ones the DRL declares; failures are ignored (the
   * cache is an optimisation only). The entry is read back through every check of {@link #load}
   * before it is moved into place: a pack whose entry would be refused is not cached at all.
   */
  void store(String key, KieBase kieBase, List<String> declaredRules) {
    Path tmp = null;
    try {
      List<KiePackage> packages = new ArrayList<>(kieBase.getKiePackages());
      if (!CacheEntry.rulesOf(packages).equals(declaredRules)) {
        return; // the DRL says something the reading of rules here does not follow: compile each
        // time
      }
      List<byte[]> body = CacheEntry.serialize(packages, CacheEntry.PARTS);
      CacheLocation.createPrivateFolder(dir);
      tmp = Files.createTempFile(dir, "pack-", ".tmp"); // readable and writable by the user alone
      CacheEntry.write(tmp, key, declaredRules, body);
      try {
        CacheEntry.read(tmp, key, declaredRules, timeout);
      } catch (CacheEntry.Doubt d) {
        return;
      }
      try {
        Files.move(
            tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // read-only home, full disk, a class that does not serialise: run without the cache
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }
}
