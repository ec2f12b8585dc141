package kz.shipcheck.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import kz.shipcheck.pack.PackFiles;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * A cache of compiled rule packs on disk, so that a second run with the same pack does not compile
 * DRL again (compiling is most of the start-up cost). The compiled packages are written with
 * Drools' own serialization, keyed by a hash of every file in the pack plus the Drools, shipcheck and
 * Java versions. A cache entry that is missing, corrupt or from another version is ignored and
 * rebuilt; entries are written to a temporary file and moved into place, so two runs starting at
 * once at worst both compile, and never read half a file. Reading is restricted by a class filter
 * to the engine's own packages: the cache is trusted only as much as the user's cache folder.
 */
final class PackCache {
  private static final String FORMAT = "1";
  private static final ObjectInputFilter FILTER =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=400;maxrefs=2000000;java.**;org.drools.**;org.kie.**;org.mvel2.**;kz.shipcheck.**;!*");

  private final Path dir;

  private PackCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The user's cache folder: {@code $SHIPCHECK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/shipcheck},
   * else {@code ~/.cache/shipcheck}.
   */
  static PackCache standard() {
    String explicit = System.getenv("SHIPCHECK_CACHE_DIR");
    if (explicit == null) {
      explicit = System.getProperty("shipcheck.cache.dir");
    }
    if (explicit != null && !explicit.isBlank()) {
      return new PackCache(Path.of(explicit));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new PackCache(base.resolve("shipcheck"));
  }

  static PackCache at(Path dir) {
    return new PackCache(dir);
  }

  /**
   * The cache key of a pack under this build of shipcheck: a hash of every file in the pack (DRL,
   * data, fixtures; {@link PackFiles#hash()}) and of the versions that decide whether a serialized
   * KieBase can be read back. Data files are not compiled, but keying on them too costs a
   * millisecond and leaves no doubt about which pack an entry belongs to.
   */
  static String key(PackFiles files, String toolVersion) {
    return key(files.hash(), toolVersion);
  }

  static String key(String packHash, String toolVersion) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(FORMAT, toolVersion, droolsVersion(), System.getProperty("java.version"), packHash)) {
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

  /** The cached KieBase, or null when there is none or it cannot be read. */
  KieBase load(String key) {
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        DroolsObjectInputStream ois = new DroolsObjectInputStream(in, PackCache.class.getClassLoader())) {
      ois.setObjectInputFilter(FILTER);
      Object o = ois.readObject();
      if (!(o instanceof Collection<?> c)) {
        return null;
      }
      List<KiePackage> packages = new ArrayList<>();
      for (Object x : c) {
        if (!(x instanceof KiePackage kp)) {
          return null;
        }
        packages.add(kp);
      }
      InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
      kb.addPackages(packages);
      return kb;
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      // a corrupt or foreign entry: remove it and compile afresh
      try {
        Files.deleteIfExists(f);
      } catch (IOException ignored) {
        // another run may hold or have replaced it; compiling is always safe
      }
      return null;
    }
  }

  /** Stores a compiled KieBase; failures are ignored (the cache is an optimisation only). */
  void store(String key, KieBase kieBase) {
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "pack-", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
          DroolsObjectOutputStream oos = new DroolsObjectOutputStream(out)) {
        oos.writeObject(new ArrayList<>(kieBase.getKiePackages()));
      }
      try {
        Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
